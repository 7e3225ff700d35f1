namespace SoxAuto.Aws.Sso;

/// <summary>
/// Credentials are needed but the IAM Identity Center sign-in behind the profile is missing or has expired and cannot
/// be refreshed. The message is one line that says what to do; the CLI prints it as is and exits 3.
/// </summary>
public sealed class SsoLoginRequiredException : Exception
{
    public SsoLoginRequiredException(string profileName, bool expired, Exception? innerException = null)
        : base(Describe(profileName, expired), innerException)
    {
        ProfileName = profileName;
        Expired = expired;
    }

    public string ProfileName { get; }

    /// <summary>True when a sign-in existed but has expired; false when none was found.</summary>
    public bool Expired { get; }

    public string Fix => $"run 'soxauto login --profile {ProfileName}'";

    private static string Describe(string profileName, bool expired) => expired
        ? $"the IAM Identity Center sign-in for AWS profile '{profileName}' has expired; run 'soxauto login --profile {profileName}'"
        : $"no IAM Identity Center sign-in was found for AWS profile '{profileName}'; run 'soxauto login --profile {profileName}'";
}
