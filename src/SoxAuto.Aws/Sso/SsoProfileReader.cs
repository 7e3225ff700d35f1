using Amazon.Runtime.CredentialManagement;

namespace SoxAuto.Aws.Sso;

/// <summary>
/// Reads an IAM Identity Center profile through AWSSDK.Core's own config parsing (<see cref="CredentialProfileStoreChain"/>,
/// which honours <c>AWS_CONFIG_FILE</c> and <c>AWS_SHARED_CREDENTIALS_FILE</c> and merges <c>[sso-session]</c> sections),
/// so soxauto reads exactly what the SDK will use when it later turns the token into role credentials.
/// </summary>
public static class SsoProfileReader
{
    /// <summary>What the AWS CLI registers for sso-session profiles without <c>sso_registration_scopes</c>; it is what makes refresh tokens possible.</summary>
    public const string DefaultScope = "sso:account:access";

    public static SsoProfile Read(string profileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profileName);
        CredentialProfileStoreChain chain = new();
        if (!chain.TryGetProfile(profileName, out CredentialProfile? profile))
        {
            throw new InvalidProfileException(
                $"AWS profile '{profileName}' was not found in the AWS config or credentials file; check the name, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE");
        }

        return FromOptions(profileName, profile.Options)
            ?? throw new InvalidProfileException(
                $"AWS profile '{profileName}' is not an IAM Identity Center (SSO) profile (it has neither sso_session nor sso_start_url), so there is nothing to sign in; use an SSO profile or its access keys as they are");
    }

    /// <summary>The SSO view of a profile, or null when the profile is not an SSO profile at all.</summary>
    internal static SsoProfile? FromOptions(string profileName, CredentialProfileOptions options)
    {
        string? session = Blank(options.SsoSession);
        string? startUrl = Blank(options.SsoStartUrl);
        if (session is null && startUrl is null)
        {
            return null;
        }

        string where = session is null ? $"profile '{profileName}'" : $"[sso-session {session}]";
        if (startUrl is null)
        {
            throw new InvalidProfileException($"AWS profile '{profileName}': {where} has no sso_start_url; add it (the AWS access portal URL)");
        }

        string ssoRegion = Blank(options.SsoRegion)
            ?? throw new InvalidProfileException($"AWS profile '{profileName}': {where} has no sso_region; add the region of IAM Identity Center");
        string[] scopes = (options.SsoRegistrationScopes ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Legacy profiles register without scopes (as the AWS CLI does); their tokens cannot be refreshed.
        IReadOnlyList<string> registrationScopes = scopes.Length > 0 ? scopes : session is null ? [] : [DefaultScope];
        return new SsoProfile(profileName, session, startUrl, ssoRegion, Blank(options.SsoAccountId), Blank(options.SsoRoleName), registrationScopes);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
