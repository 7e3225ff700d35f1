using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace SoxAuto.Aws;

/// <summary>
/// Asks STS who the caller is, for the execution log. The answer is nice to have, not needed to run: an STS that
/// refuses or does not answer becomes the reason the identity is missing, and the run goes on.
/// </summary>
internal static class CallerIdentityLookup
{
    public static async Task<(string? Arn, string? Problem)> TryGetArnAsync(IAmazonSecurityTokenService sts, CancellationToken cancellationToken)
    {
        try
        {
            GetCallerIdentityResponse identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
            return (identity.Arn, null);
        }
        catch (AmazonSecurityTokenServiceException ex)
        {
            return (null, $"STS GetCallerIdentity failed: {ex.ErrorCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is HttpRequestException or AmazonClientException)
        {
            return (null, $"STS GetCallerIdentity failed: {ex.Message}");
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The SDK reports its own time limits as TimeoutException or a cancellation nobody asked for.
            return (null, "STS GetCallerIdentity did not answer in time");
        }
    }
}
