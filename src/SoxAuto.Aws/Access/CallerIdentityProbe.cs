using Amazon.Runtime;
using Amazon.SecurityToken.Model;

namespace SoxAuto.Aws.Access;

/// <summary>Probe 2: AWS accepts the credentials — STS GetCallerIdentity names the account and the role or user.</summary>
public sealed class CallerIdentityProbe : IAccessProbe
{
    public const string ProbeName = "identity";

    public string Name => ProbeName;

    public IReadOnlyList<string> Needs => [CredentialsProbe.ProbeName];

    public TimeSpan Timeout => TimeSpan.FromSeconds(20);

    public string TimeoutFix => "STS did not answer; check the network, proxy or --endpoint-url / AWS_ENDPOINT_URL_STS";

    public async Task<ProbeResult> RunAsync(AccessProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            GetCallerIdentityResponse identity = await context.Sts().GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
            return ProbeResult.Pass(Name, $"account {identity.Account}, {identity.Arn}");
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode is "InvalidClientTokenId" or "ExpiredToken" or "SignatureDoesNotMatch" or "UnrecognizedClientException")
        {
            return ProbeResult.Fail(Name, $"AWS refused the credentials ({ex.ErrorCode})",
                "the keys are wrong, revoked or expired: sign in again ('soxauto login --profile NAME') or replace the keys");
        }
        catch (AmazonServiceException ex)
        {
            return ProbeResult.Fail(Name, $"STS GetCallerIdentity failed ({ex.ErrorCode ?? ex.StatusCode.ToString()})",
                "check the network and the STS endpoint (AWS_ENDPOINT_URL_STS); GetCallerIdentity needs no permission");
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException)
        {
            return ProbeResult.Fail(Name, $"STS could not be reached ({ex.GetType().Name})",
                "check the network, proxy and --endpoint-url / AWS_ENDPOINT_URL_STS");
        }
    }
}
