using System.Net;
using SoxAuto.Aws.Athena;

namespace SoxAuto.Aws.Tests.Athena;

/// <summary>No query is left running once the engine stops waiting for it, whatever made it stop.</summary>
public sealed partial class AthenaQueryEngineTests
{
    [Fact]
    public async Task AnErrorWhilePolling_StopsTheQuery_AndReportsTheOriginalError()
    {
        ScriptedAthenaHandler handler = new((operation, _) => operation switch
        {
            "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup()),
            "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-3" }),
            "GetQueryExecution" => ScriptedAthenaHandler.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform: athena:GetQueryExecution"),
            _ => ScriptedAthenaHandler.Ok(new { }),
        });

        AthenaException error = await Assert.ThrowsAsync<AthenaException>(() => Engine(handler).ExecuteAsync(Request, CancellationToken.None));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Equal("q-3", Assert.Single(handler.For("StopQueryExecution")).String("QueryExecutionId"));
    }

    [Fact]
    public async Task AStopThatFails_NeverHidesTheErrorThatCausedIt()
    {
        ScriptedAthenaHandler handler = new((operation, _) => operation switch
        {
            "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup()),
            "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-3" }),
            "GetQueryExecution" => ScriptedAthenaHandler.Error(HttpStatusCode.BadRequest, "InvalidRequestException", "poll refused"),
            _ => ScriptedAthenaHandler.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform: athena:StopQueryExecution"),
        });

        InvalidRequestException error = await Assert.ThrowsAsync<InvalidRequestException>(() => Engine(handler).ExecuteAsync(Request, CancellationToken.None));

        Assert.Equal("poll refused", error.Message);
        Assert.Single(handler.For("StopQueryExecution"));
    }

    [Fact]
    public async Task CancelledWhileStartIsInFlight_ResendsTheSameToken_AndStopsTheQueryAthenaStarted()
    {
        using CancellationTokenSource cancel = new();
        int starts = 0;
        ScriptedAthenaHandler handler = new((operation, _) =>
        {
            if (operation == "StartQueryExecution" && ++starts == 1)
            {
                // Ctrl+C while the request is on the wire: Athena may have started the query, but we never hear its id.
                cancel.Cancel();
                throw new OperationCanceledException(cancel.Token);
            }

            return operation switch
            {
                "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup()),
                "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-5" }),
                _ => ScriptedAthenaHandler.Ok(new { }),
            };
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine(handler).ExecuteAsync(Request, cancel.Token));

        AssertResentOnceWithTheSameToken_ThenStopped(handler, "q-5");
    }

    [Fact]
    public async Task CancelledDuringStartsRetryWait_ResendsTheSameToken_AndStopsTheQueryAthenaStarted()
    {
        using CancellationTokenSource cancel = new();
        int starts = 0;
        ScriptedAthenaHandler handler = new((operation, _) => operation switch
        {
            "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup()),
            "StartQueryExecution" when ++starts == 1 => ScriptedAthenaHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "try later"),
            "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-6" }),
            _ => ScriptedAthenaHandler.Ok(new { }),
        });
        AthenaClient client = AthenaClientFactory.Create(handler, wait: async token =>
        {
            await cancel.CancelAsync();
            token.ThrowIfCancellationRequested();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine(client).ExecuteAsync(Request, cancel.Token));

        AssertResentOnceWithTheSameToken_ThenStopped(handler, "q-6");
    }

    [Fact]
    public async Task CancelledDuringStart_WhenAthenaCannotBeReached_GivesUpQuietly()
    {
        using CancellationTokenSource cancel = new();
        ScriptedAthenaHandler handler = new((operation, _) =>
        {
            if (operation == "GetWorkGroup")
            {
                return ScriptedAthenaHandler.Ok(WorkGroup());
            }

            cancel.Cancel();
            throw new HttpRequestException("connection refused");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine(handler).ExecuteAsync(Request, cancel.Token));

        Assert.True(handler.For("StartQueryExecution").Count() > 1, "the start is re-sent to learn the id");
        Assert.Empty(handler.For("StopQueryExecution"));
    }

    private static void AssertResentOnceWithTheSameToken_ThenStopped(ScriptedAthenaHandler handler, string executionId)
    {
        RecordedRequest[] starts = handler.For("StartQueryExecution").ToArray();
        Assert.Equal(2, starts.Length);
        Assert.Equal(starts[0].String("ClientRequestToken"), starts[1].String("ClientRequestToken"));
        Assert.Equal(executionId, Assert.Single(handler.For("StopQueryExecution")).String("QueryExecutionId"));
        Assert.Empty(handler.For("GetQueryExecution"));
    }
}
