using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using SoxAuto.Aws.Sso;

namespace SoxAuto.Aws.Connection;

/// <summary>
/// Resolves credentials and region once per run, in the order docs/operations.md ("Credentials and sign-in") documents:
/// <list type="number">
/// <item><c>--profile NAME</c>;</item>
/// <item><c>AWS_ACCESS_KEY_ID</c> + <c>AWS_SECRET_ACCESS_KEY</c> (+ <c>AWS_SESSION_TOKEN</c>);</item>
/// <item><c>AWS_PROFILE</c>;</item>
/// <item>AWSSDK.Core's default chain (web identity, the <c>default</c> profile, container and instance credentials).</item>
/// </list>
/// Profiles are read by AWSSDK.Core itself (honouring <c>AWS_CONFIG_FILE</c> and <c>AWS_SHARED_CREDENTIALS_FILE</c>),
/// including IAM Identity Center profiles in both the <c>sso_session</c> and the legacy <c>sso_start_url</c> form; those
/// are wrapped in <see cref="SsoProfileCredentials"/> so a missing or expired sign-in surfaces as
/// <see cref="SsoLoginRequiredException"/>. Region: <c>--region</c>, then <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c> or
/// settings.yaml (already resolved by RunSettings), then the profile's <c>region</c>.
/// </summary>
public static class AwsSessionFactory
{
    private const string DefaultProfile = "default";

    /// <param name="options">Flags: --profile, --region, --endpoint-url.</param>
    /// <param name="resolvedRegion">The region from flag, environment or settings file (<c>RunSettings.Region</c>), if any.</param>
    /// <param name="environment">Environment variable lookup (injected so tests control it).</param>
    public static AwsSession Create(AwsOptions options, string? resolvedRegion, Func<string, string?> environment) =>
        Create(options, resolvedRegion, environment, TimeProvider.System, SsoTokenCache.Default());

    public static AwsSession Create(AwsOptions options, string? resolvedRegion, Func<string, string?> environment, TimeProvider time, SsoTokenCache tokenCache)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        Resolver resolver = new(new CredentialProfileStoreChain(), time, tokenCache);
        string? profileName = Blank(options.Profile) ?? Blank(environment("AWS_PROFILE"));
        CredentialProfile? profile = null;
        if (profileName is not null && !resolver.Profiles.TryGetProfile(profileName, out profile))
        {
            throw new AwsConfigurationException(
                $"AWS profile '{profileName}' was not found in the AWS config or credentials file; check the name, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE");
        }

        (AWSCredentials credentials, string source) = ResolveCredentials(resolver, options.Profile is not null, profileName, environment);
        string? regionName = Blank(options.Region) ?? Blank(resolvedRegion) ?? profile?.Region?.SystemName ?? resolver.DefaultProfileRegion(profileName);
        if (regionName is null)
        {
            throw new AwsConfigurationException(
                "no AWS region is configured; pass --region, set AWS_REGION, set region in catalog/settings.yaml, or give the profile a region");
        }

        return new AwsSession(credentials, source, RegionEndpoint.GetBySystemName(regionName),
            new AwsEndpointResolver(options.EndpointUrl, environment), profileName);
    }

    private static (AWSCredentials Credentials, string Source) ResolveCredentials(Resolver resolver, bool profileIsExplicit, string? profileName,
        Func<string, string?> environment)
    {
        if (profileIsExplicit && profileName is not null)
        {
            return resolver.FromProfile(profileName, "--profile");
        }

        string? accessKey = Blank(environment("AWS_ACCESS_KEY_ID"));
        string? secretKey = Blank(environment("AWS_SECRET_ACCESS_KEY"));
        if (accessKey is not null && secretKey is not null)
        {
            string? token = Blank(environment("AWS_SESSION_TOKEN"));
            return token is null
                ? (new BasicAWSCredentials(accessKey, secretKey), "environment (AWS_ACCESS_KEY_ID): long-term access key")
                : (new SessionAWSCredentials(accessKey, secretKey, token), "environment (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN): temporary credentials");
        }

        if (profileName is not null)
        {
            return resolver.FromProfile(profileName, "AWS_PROFILE");
        }

        return resolver.FromDefaultChain();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>One resolution's view of the shared files, read once.</summary>
    private sealed class Resolver(CredentialProfileStoreChain profiles, TimeProvider time, SsoTokenCache tokenCache)
    {
        public CredentialProfileStoreChain Profiles { get; } = profiles;

        public (AWSCredentials Credentials, string Source) FromProfile(string profileName, string how)
        {
            if (!Profiles.TryGetAWSCredentials(profileName, out AWSCredentials credentials))
            {
                throw new AwsConfigurationException(
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

                throw new AwsConfigurationException(
                    "no AWS credentials were found; pass --profile NAME (run 'soxauto login --profile NAME' first for an IAM Identity Center profile), or set AWS_PROFILE", ex);
            }

            return (Wrap(credentials, DefaultProfile), $"default credential chain: {Describe(credentials)}");
        }

        public string? DefaultProfileRegion(string? profileName) =>
            profileName is null && Profiles.TryGetProfile(DefaultProfile, out CredentialProfile? profile) ? profile.Region?.SystemName : null;

        private AWSCredentials Wrap(AWSCredentials credentials, string profileName) =>
            credentials is SSOAWSCredentials sso ? new SsoProfileCredentials(sso, profileName, tokenCache, time) : credentials;

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
}
