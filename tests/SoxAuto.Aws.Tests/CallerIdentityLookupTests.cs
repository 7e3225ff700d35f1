using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Moq;

namespace SoxAuto.Aws.Tests;

public sealed class CallerIdentityLookupTests
{
    [Fact]
    public async Task AnAnswer_GivesTheArn()
    {
        Mock<IAmazonSecurityTokenService> sts = Sts();
        sts.Setup(s => s.GetCallerIdentityAsync(It.IsAny<GetCallerIdentityRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetCallerIdentityResponse { Arn = "arn:aws:sts::111122223333:assumed-role/sox/me" });

        (string? arn, string? problem) = await CallerIdentityLookup.TryGetArnAsync(sts.Object, CancellationToken.None);

        Assert.Equal("arn:aws:sts::111122223333:assumed-role/sox/me", arn);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("timeout")]          // what the SDK makes of an STS that does not answer
    [InlineData("client")]           // the SDK's own errors before or after the call (endpoint, response parsing)
    [InlineData("sdk-cancelled")]    // an SDK time limit surfacing as a cancellation the user did not ask for
    public async Task NoAnswerOrAnSdkError_IsTheMissingIdentitysReason_NotACrash(string failure)
    {
        Exception error = failure switch
        {
            "timeout" => new TimeoutException("The operation has timed out."),
            "client" => new AmazonClientException("Unable to reach the STS endpoint"),
            _ => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"),
        };
        Mock<IAmazonSecurityTokenService> sts = Sts();
        sts.Setup(s => s.GetCallerIdentityAsync(It.IsAny<GetCallerIdentityRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);

        (string? arn, string? problem) = await CallerIdentityLookup.TryGetArnAsync(sts.Object, CancellationToken.None);

        Assert.Null(arn);
        Assert.StartsWith("STS GetCallerIdentity", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserCancellation_IsStillACancellation()
    {
        using CancellationTokenSource cancel = new();
        await cancel.CancelAsync();
        Mock<IAmazonSecurityTokenService> sts = Sts();
        sts.Setup(s => s.GetCallerIdentityAsync(It.IsAny<GetCallerIdentityRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException(cancel.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CallerIdentityLookup.TryGetArnAsync(sts.Object, cancel.Token));
    }

    private static Mock<IAmazonSecurityTokenService> Sts() => new(MockBehavior.Strict);
}
