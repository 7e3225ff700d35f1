using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using SoxAuto.Aws.Sso;

namespace SoxAuto.Aws.Connection;

/// <summary>
/// Credentials from the shared config and credentials files through AWSSDK.Core (one resolution's view of them), with
/// IAM Identity Center credentials wrapped in <see cref="SsoProfileCredentials"/>.
/// </summary>
internal sealed class ProfileCredentialResolver(CredentialProfileStoreChain profiles, TimeProvider time, SsoTokenCache tokenCache,
    Func<string, Amazon.SSOOIDC.IAmazonSSOOIDC> oidcFactory)
{
    private const string DefaultProfile = "default";

    public CredentialProfileStoreChain Profiles { get; } = profiles;

    public (AWSCredentials Credentials, string Source) FromProfile(string profileName, string how)
    {
        if (!Profiles.TryGetAWSCredentials(profileName, out AWSCredentials credentials))
        {
            throw new InvalidAwsConfigurationException(
                $"AWS profile '{profileName}' has no usable credentials; for an IAM Identity Center profile run 'soxauto login --profile {profileName}'");
        }

        return (Wrap(credentials, profileName), $"profile '{profileName}' ({how}): {Describe(credentials)}");
    }

    public (AWSCredentials Credentials, string Source) FromDefaultChain()
    {
        AWSCredentials credentials;
        try
        {
            credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException ex)
        {
            // The SDK's chain refuses an SSO "default" profile that has no cached token; that is a sign-in to do, not a setup error.
            if (Profiles.TryGetProfile(DefaultProfile, out CredentialProfile? profile) &&
                SsoProfileReader.FromOptions(DefaultProfile, profile.Options) is not null)
            {
                throw new SsoLoginRequiredException(DefaultProfile, expired: false, ex);
            }

            throw new AwsCredentialsUnavailableException(
                "no AWS credentials were found; pass --profile NAME (run 'soxauto login --profile NAME' first for an IAM Identity Center profile), or set AWS_PROFILE", ex);
        }

        return (Wrap(credentials, DefaultProfile), $"default credential chain: {Describe(credentials)}");
    }

    public string? DefaultProfileRegion(string? profileName) =>
        profileName is null && Profiles.TryGetProfile(DefaultProfile, out CredentialProfile? profile) ? profile.Region?.SystemName : null;

    private AWSCredentials Wrap(AWSCredentials credentials, string profileName) =>
        credentials is SSOAWSCredentials sso ? new SsoProfileCredentials(sso, profileName, tokenCache, time, oidcFactory) : credentials;

    private static string Describe(AWSCredentials credentials) => credentials switch
    {
        SSOAWSCredentials sso when !string.IsNullOrEmpty(sso.Options?.SessionName) =>
            $"IAM Identity Center (sso-session '{sso.Options.SessionName}', account {sso.AccountId}, role {sso.RoleName})",
        SSOAWSCredentials sso => $"IAM Identity Center (legacy sso_start_url, account {sso.AccountId}, role {sso.RoleName})",
        BasicAWSCredentials => "long-term access key",
        SessionAWSCredentials => "temporary credentials",
        AssumeRoleAWSCredentials => "assumed role",
        _ => credentials.GetType().Name,
    };
}
