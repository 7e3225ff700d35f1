namespace SoxAuto.Aws.Sso;

/// <summary>The outcome of a sign-in: until when it holds, whether a refresh token made the browser step unnecessary, and the cache file.</summary>
public sealed record SsoLoginResult(SsoProfile Profile, DateTimeOffset ExpiresAt, bool Refreshed, string CachePath);
