using Moq;
using SoxAuto.Aws.Access;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Tests.Access;

/// <summary>SELECT 1 is never left running, and the report says it was stopped only when it was.</summary>
public sealed partial class QueryProbeTests
{
    [Fact]
    public async Task AccessDeniedWhilePolling_IsAnAccessFailure_NamingThePermission_AndTheQueryIsStopped()
    {
        Mock<IAthenaClient> athena = Athena(QueryExecutionStates.Running);
        athena.Setup(a => a.GetQueryExecutionAsync(It.IsAny<GetQueryExecutionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AthenaException("AccessDeniedException", "User: arn:aws:sts::111122223333:assumed-role/sox/me is not authorized to perform: athena:GetQueryExecution", 400, "req-1"));
        athena.Setup(a => a.StopQueryExecutionAsync(It.IsAny<StopQueryExecutionRequest>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        using AccessProbeContext context = Context(athena, ResultFile(string.Empty));

        AccessReport report = await new AccessProbeRunner([new QueryProbe()]).RunAsync(context, CancellationToken.None);

        ProbeResult result = Assert.Single(report.Results);
        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.DoesNotContain("unexpected", result.Detail, StringComparison.Ordinal);
        Assert.Contains("athena:GetQueryExecution", result.Fix, StringComparison.Ordinal);
        Assert.Contains("workgroup/sox", result.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("report it", result.Fix, StringComparison.Ordinal);
        athena.Verify(a => a.StopQueryExecutionAsync(It.Is<StopQueryExecutionRequest>(r => r.QueryExecutionId == "q-1"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task CancelledWhileStarting_ResendsTheSameToken_AndStopsTheQueryAthenaStarted()
    {
        using CancellationTokenSource cancel = new();
        Mock<IAthenaClient> athena = Athena(QueryExecutionStates.Running);
        List<string> tokens = [];
        athena.Setup(a => a.StartQueryExecutionAsync(It.IsAny<StartQueryExecutionRequest>(), It.IsAny<CancellationToken>()))
            .Returns((StartQueryExecutionRequest request, CancellationToken _) =>
            {
                tokens.Add(request.ClientRequestToken);
                if (tokens.Count == 1)
                {
                    // Ctrl+C (or the time bound) while the request is on the wire: Athena may have started it.
                    cancel.Cancel();
                    return Task.FromCanceled<StartQueryExecutionResponse>(cancel.Token);
                }

                return Task.FromResult(new StartQueryExecutionResponse { QueryExecutionId = "q-1" });
            });
        athena.Setup(a => a.StopQueryExecutionAsync(It.IsAny<StopQueryExecutionRequest>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        using AccessProbeContext context = Context(athena, ResultFile(string.Empty));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new QueryProbe().RunAsync(context, cancel.Token));

        Assert.Equal(2, tokens.Count);
        Assert.Equal(tokens[0], tokens[1]);
        athena.Verify(a => a.StopQueryExecutionAsync(It.Is<StopQueryExecutionRequest>(r => r.QueryExecutionId == "q-1"), It.IsAny<CancellationToken>()), Times.Once);
        athena.Verify(a => a.GetQueryExecutionAsync(It.IsAny<GetQueryExecutionRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task OutOfTime_WhenTheStopFails_DoesNotClaimTheQueryWasStopped()
    {
        Mock<IAthenaClient> athena = Athena(QueryExecutionStates.Running);
        athena.Setup(a => a.StopQueryExecutionAsync(It.IsAny<StopQueryExecutionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AthenaException("AccessDeniedException", "not authorized to perform: athena:StopQueryExecution", 400, "req-2"));
        using AccessProbeContext context = Context(athena, ResultFile(string.Empty));

        ProbeResult result = await RunOutOfTimeAsync(context);

        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.DoesNotContain("was stopped", result.Fix, StringComparison.Ordinal);
        Assert.Contains("q-1 could not be stopped", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfTime_WhenTheStopSucceeds_SaysTheQueryWasStopped()
    {
        Mock<IAthenaClient> athena = Athena(QueryExecutionStates.Running);
        athena.Setup(a => a.StopQueryExecutionAsync(It.IsAny<StopQueryExecutionRequest>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        using AccessProbeContext context = Context(athena, ResultFile(string.Empty));

        ProbeResult result = await RunOutOfTimeAsync(context);

        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.Contains("was stopped", result.Fix, StringComparison.Ordinal);
    }

    private static async Task<ProbeResult> RunOutOfTimeAsync(AccessProbeContext context)
    {
        AccessReport report = await new AccessProbeRunner([new QueryProbe(TimeSpan.FromMilliseconds(300))]).RunAsync(context, CancellationToken.None);
        return Assert.Single(report.Results);
    }
}
