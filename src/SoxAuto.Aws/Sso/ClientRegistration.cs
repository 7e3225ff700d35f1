namespace SoxAuto.Aws.Sso;

/// <summary>An OIDC client registration (RegisterClient). Not a record: its ToString must not print the secret.</summary>
internal sealed class ClientRegistration(string clientId, string clientSecret, DateTimeOffset expiresAt)
{
    public string ClientId { get; } = clientId;

    public string ClientSecret { get; } = clientSecret;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public override string ToString() => $"OIDC client registration, expires {ExpiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
}
