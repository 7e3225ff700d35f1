namespace SoxAuto.Aws.Sso;

/// <summary>
/// An IAM Identity Center profile of the shared AWS config, in either form: <c>sso_session = NAME</c> with an
/// <c>[sso-session NAME]</c> section, or the legacy <c>sso_start_url</c>/<c>sso_region</c> in the profile itself.
/// A profile may name no account/role when it exists only to sign in.
/// </summary>
public sealed record SsoProfile(
    string ProfileName,
    string? SessionName,
    string StartUrl,
    string SsoRegion,
    string? AccountId,
    string? RoleName,
    IReadOnlyList<string> RegistrationScopes)
{
    /// <summary>
    /// What the AWS CLI v2 hashes to name the token file: the sso-session name, else (legacy form) the start URL.
    /// Using the same key is what lets <c>aws sso login</c> and <c>soxauto login</c> share one sign-in.
    /// </summary>
    public string CacheKey => SessionName ?? StartUrl;

    public bool HasRole => AccountId is not null && RoleName is not null;
}
