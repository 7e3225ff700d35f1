using System.Globalization;
using Amazon.Runtime;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Sso;

namespace SoxAuto.Aws.Access;

/// <summary>
/// Probe 1: credentials and region resolve (docs/operations.md order) and the credentials can actually be produced —
/// for an IAM Identity Center profile that means a valid sign-in and role credentials from the portal. Reports where
/// they came from and when they expire, never a key. A configuration mistake (<see cref="InvalidAwsConfigurationException"/>:
/// an unknown profile, no region, a malformed endpoint variable) is not a probe answer: it propagates, so test-access
/// exits with the usage-error code as extract and login do for the same mistake.
/// </summary>
public sealed class CredentialsProbe : IAccessProbe
{
    public const string ProbeName = "credentials";

    public string Name => ProbeName;

    public IReadOnlyList<string> Needs => [];

    public TimeSpan Timeout => TimeSpan.FromSeconds(20);

    public string TimeoutFix => "IAM Identity Center or the credential source did not answer; check the network or proxy, then run 'soxauto login --profile NAME' again";

    public async Task<ProbeResult> RunAsync(AccessProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        AwsSession session;
        ImmutableCredentials credentials;
        try
        {
            session = context.CreateSession();
            credentials = await session.Credentials.GetCredentialsAsync().WaitAsync(cancellationToken);
        }
        catch (SsoLoginRequiredException ex)
        {
            return ProbeResult.Fail(Name, ex.Message, ex.Fix);
        }
        catch (AwsCredentialsUnavailableException ex)
        {
            return ProbeResult.Fail(Name, ex.Message, "see 'Credentials and sign-in' in docs/operations.md for the order soxauto looks in");
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException)
        {
            return ProbeResult.Fail(Name, $"the credentials could not be obtained ({ex.GetType().Name})",
                "check the profile's settings in the AWS config file; for IAM Identity Center run 'soxauto login --profile NAME'");
        }

        context.Session = session;
        context.ResolvedCredentials = credentials;
        string expiry = session.Credentials.Expiration is { } expiration
            ? "valid until " + expiration.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"
            : credentials.UseToken ? "temporary, expiry not reported" : "no expiry";
        return ProbeResult.Pass(Name, $"{session.CredentialSource}; {expiry}; region {session.Region.SystemName}");
    }
}
