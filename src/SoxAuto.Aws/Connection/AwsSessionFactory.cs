using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace SoxAuto.Aws.Connection;

/// <summary>
/// Resolves credentials and region in one documented order (docs/operations.md): explicit flags, then the environment
/// (<c>AWS_PROFILE</c>, <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>, <c>AWS_REGION</c>),
/// then the shared config and credentials files through AWSSDK.Core's own resolution (including IAM Identity Center
/// profiles, honouring <c>AWS_CONFIG_FILE</c> and <c>AWS_SHARED_CREDENTIALS_FILE</c>).
/// </summary>
public static class AwsSessionFactory
{
    /// <param name="options">Flags: --profile, --region, --endpoint-url.</param>
    /// <param name="resolvedRegion">The region from flag, environment or settings file (<c>RunSettings.Region</c>), if any.</param>
    /// <param name="environment">Environment variable lookup (injected so tests control it).</param>
    public static AwsSession Create(AwsOptions options, string? resolvedRegion, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        string? profileName = Blank(options.Profile) ?? Blank(environment("AWS_PROFILE"));
        CredentialProfile? profile = null;
        if (profileName is not null && !new CredentialProfileStoreChain().TryGetProfile(profileName, out profile))
        {
            throw new AwsConfigurationException(
                $"AWS profile '{profileName}' was not found in the AWS config or credentials file; check the name, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE");
        }

        (AWSCredentials credentials, string source) = ResolveCredentials(options.Profile is not null, profileName, environment);
        string? regionName = Blank(options.Region) ?? Blank(resolvedRegion) ?? profile?.Region?.SystemName;
        if (regionName is null)
        {
            throw new AwsConfigurationException(
                "no AWS region is configured; pass --region, set AWS_REGION, set region in catalog/settings.yaml, or give the profile a region");
        }

        return new AwsSession(credentials, source, RegionEndpoint.GetBySystemName(regionName),
            new AwsEndpointResolver(options.EndpointUrl, environment), profileName);
    }

    private static (AWSCredentials Credentials, string Source) ResolveCredentials(bool profileIsExplicit, string? profileName, Func<string, string?> environment)
    {
        if (profileIsExplicit && profileName is not null)
        {
            return (FromProfile(profileName), $"profile '{profileName}' (--profile)");
        }

        string? accessKey = Blank(environment("AWS_ACCESS_KEY_ID"));
        string? secretKey = Blank(environment("AWS_SECRET_ACCESS_KEY"));
        if (accessKey is not null && secretKey is not null)
        {
            string? token = Blank(environment("AWS_SESSION_TOKEN"));
            return token is null
                ? (new BasicAWSCredentials(accessKey, secretKey), "environment (AWS_ACCESS_KEY_ID)")
                : (new SessionAWSCredentials(accessKey, secretKey, token), "environment (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN)");
        }

        if (profileName is not null)
        {
            return (FromProfile(profileName), $"profile '{profileName}' (AWS_PROFILE)");
        }

        try
        {
            AWSCredentials credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials();
            return (credentials, "default credential chain (" + credentials.GetType().Name + ")");
        }
        catch (AmazonClientException ex)
        {
            throw new AwsConfigurationException(
                "no AWS credentials were found; run 'soxauto login --profile NAME' for an IAM Identity Center profile, or set AWS_PROFILE", ex);
        }
    }

    private static AWSCredentials FromProfile(string profileName)
    {
        if (new CredentialProfileStoreChain().TryGetAWSCredentials(profileName, out AWSCredentials credentials))
        {
            return credentials;
        }

        throw new AwsConfigurationException(
            $"AWS profile '{profileName}' has no usable credentials; for an IAM Identity Center profile run 'soxauto login --profile {profileName}'");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
