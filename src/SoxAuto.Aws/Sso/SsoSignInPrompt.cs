namespace SoxAuto.Aws.Sso;

/// <summary>
/// What the user must do to approve a device sign-in: open <see cref="VerificationUri"/> and enter <see cref="UserCode"/>
/// (or open <see cref="VerificationUriComplete"/>, which carries the code), before <see cref="ExpiresAt"/>.
/// The user code is meant to be shown; it is useless without the device code, which stays inside the flow.
/// </summary>
public sealed record SsoSignInPrompt(string VerificationUri, string VerificationUriComplete, string UserCode, DateTimeOffset ExpiresAt);
