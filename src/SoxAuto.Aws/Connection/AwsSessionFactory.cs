using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
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
/// <see cref="SsoLoginRequiredException"/>. Only the profile that supplies the credentials must exist. Region:
/// <c>--region</c>, then <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c> or settings.yaml (already resolved by RunSettings),
/// then the profile's <c>region</c>.
/// </summary>
public static class AwsSessionFactory
{
    /// <param name="options">Flags: --profile, --region, --endpoint-url.</param>
    /// <param name="resolvedRegion">The region from flag, environment or settings file (<c>RunSettings.Region</c>), if any.</param>
    /// <param name="environment">Environment variable lookup (injected so tests control it).</param>
    public static AwsSession Create(AwsOptions options, string? resolvedRegion, Func<string, string?> environment) =>
        Create(options, resolvedRegion, environment, TimeProvider.System, SsoTokenCache.Default());

    /// <exception cref="InvalidAwsConfigurationException">
    /// The profile that supplies the credentials does not exist, no region is configured, or an endpoint variable is
    /// malformed.
    /// </exception>
    public static AwsSession Create(AwsOptions options, string? resolvedRegion, Func<string, string?> environment, TimeProvider time, SsoTokenCache tokenCache)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        AwsEndpointResolver endpoints = new(options.EndpointUrl, environment);
        endpoints.Validate();
        ProfileCredentialResolver resolver = new(new CredentialProfileStoreChain(), time, tokenCache,
            ssoRegion => SsoOidcClientFactory.Create(ssoRegion, new AwsEndpointResolver(null, environment)));

        string? flagProfile = Blank(options.Profile);
        string? environmentProfile = Blank(environment("AWS_PROFILE"));
        (AWSCredentials Credentials, string Source)? environmentKeys = EnvironmentKeys(environment);

        // Only the profile that supplies the credentials must exist. When environment keys win, AWS_PROFILE is not
        // used for credentials, so a stale AWS_PROFILE (left over in a shell or a scheduler) must not stop the run.
        (string Name, string How)? credentialProfile = flagProfile is not null ? (flagProfile, "--profile")
            : environmentKeys is null && environmentProfile is not null ? (environmentProfile, "AWS_PROFILE")
            : null;
        CredentialProfile? profile = null;
        if (credentialProfile is { } used && !resolver.Profiles.TryGetProfile(used.Name, out profile))
        {
            throw new InvalidAwsConfigurationException(
                $"AWS profile '{used.Name}' (from {used.How}) was not found in the AWS config or credentials file; check the name, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE");
        }

        (AWSCredentials credentials, string source) = credentialProfile is { } named ? resolver.FromProfile(named.Name, named.How)
            : environmentKeys ?? resolver.FromDefaultChain();

        // The region may still come from AWS_PROFILE's profile when environment keys supplied the credentials (as in
        // the AWS CLI), but only if that profile exists: looking for a region is no reason to fail.
        CredentialProfile? regionProfile = profile;
        if (regionProfile is null && environmentProfile is not null)
        {
            resolver.Profiles.TryGetProfile(environmentProfile, out regionProfile);
        }

        string? regionName = Blank(options.Region) ?? Blank(resolvedRegion) ?? regionProfile?.Region?.SystemName
            ?? resolver.DefaultProfileRegion(flagProfile ?? environmentProfile);
        if (regionName is null)
        {
            throw new InvalidAwsConfigurationException(
                "no AWS region is configured; pass --region, set AWS_REGION, set region in catalog/settings.yaml, or give the profile a region");
        }

        return new AwsSession(credentials, source, RegionEndpoint.GetBySystemName(regionName), endpoints, credentialProfile?.Name);
    }

    private static (AWSCredentials Credentials, string Source)? EnvironmentKeys(Func<string, string?> environment)
    {
        string? accessKey = Blank(environment("AWS_ACCESS_KEY_ID"));
        string? secretKey = Blank(environment("AWS_SECRET_ACCESS_KEY"));
        if (accessKey is null || secretKey is null)
        {
            return null;
        }

        string? token = Blank(environment("AWS_SESSION_TOKEN"));
        return token is null
            ? (new BasicAWSCredentials(accessKey, secretKey), "environment (AWS_ACCESS_KEY_ID): long-term access key")
            : (new SessionAWSCredentials(accessKey, secretKey, token), "environment (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN): temporary credentials");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
