using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;
using SoxAuto.Aws.Access;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;
using SoxAuto.Aws.Storage;
using SoxAuto.Aws.Tests.Storage;

namespace SoxAuto.Aws.Tests.Access;

public sealed partial class QueryProbeTests
{
    private const string ResultUri = "s3://results/soxauto/q-1.csv";

    [Fact]
    public async Task Select1_IsStartedWithAFreshToken_PolledToSucceeded_AndItsResultFileMatches()
    {
        Mock<IAthenaClient> athena = Athena(QueryExecutionStates.Queued, QueryExecutionStates.Running, QueryExecutionStates.Succeeded);
        using AccessProbeContext context = Context(athena, ResultFile(QueryProbe.ExpectedCsv));

        ProbeResult result = await new QueryProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Pass, result.Status);
        Assert.Contains(ResultUri, result.Detail, StringComparison.Ordinal);
        athena.Verify(a => a.StartQueryExecutionAsync(It.Is<StartQueryExecutionRequest>(r =>
            r.QueryString == "SELECT 1" && r.ClientRequestToken.Length == 32 && r.WorkGroup == "sox" &&
            r.ResultConfiguration!.OutputLocation == "s3://results/soxauto/"), It.IsAny<CancellationToken>()), Times.Once);
        athena.Verify(a => a.GetQueryExecutionAsync(It.IsAny<GetQueryExecutionRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task AResultFileThatDiffers_Fails_ShowingWhatWasRead()
    {
        using AccessProbeContext context = Context(Athena(QueryExecutionStates.Succeeded), ResultFile("_col0\n1\n"));

        ProbeResult result = await new QueryProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.Contains("\"_col0\\n1\\n\"", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResultFileTheRoleCannotRead_FailsNamingThePermission()
    {
        ResultStore results = ResultFile(QueryProbe.ExpectedCsv);
        results.Http.Faults[0] = (_, _) => ScriptedS3Object.Status(System.Net.HttpStatusCode.Forbidden);
        using AccessProbeContext context = Context(Athena(QueryExecutionStates.Succeeded), results);

        ProbeResult result = await new QueryProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.Contains("could not be read: cannot read the query result s3://results/soxauto/q-1.csv: HTTP 403", result.Detail, StringComparison.Ordinal);
        Assert.Equal("the role needs s3:GetObject on arn:aws:s3:::results/soxauto/q-1.csv", result.Fix);
    }

    [Fact]
    public async Task AFailedQuery_FailsWithAthenasReason()
    {
        using AccessProbeContext context = Context(Athena(QueryExecutionStates.Failed), ResultFile(string.Empty));

        ProbeResult result = await new QueryProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Fail, result.Status);
        Assert.Contains("ended FAILED: because", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenCancelledWhileRunning_TheQueryIsStopped()
    {
        Mock<IAthenaClient> athena = Athena(Enumerable.Repeat(QueryExecutionStates.Running, 1000).ToArray());
        athena.Setup(a => a.StopQueryExecutionAsync(It.IsAny<StopQueryExecutionRequest>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        using AccessProbeContext context = Context(athena, ResultFile(string.Empty));
        using CancellationTokenSource cancel = new();
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new QueryProbe().RunAsync(context, cancel.Token));

        athena.Verify(a => a.StopQueryExecutionAsync(It.Is<StopQueryExecutionRequest>(r => r.QueryExecutionId == "q-1"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ManagedQueryResults_AreReadThroughTheApi_AndNoOutputLocationIsSent()
    {
        Mock<IAthenaClient> athena = Athena(QueryExecutionStates.Succeeded);
        athena.Setup(a => a.GetQueryResultsAsync(It.IsAny<GetQueryResultsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetQueryResultsResponse
            {
                ResultSet = new ResultSet { Rows = [new Row { Data = [new Datum { VarCharValue = "_col0" }] }, new Row { Data = [new Datum { VarCharValue = "1" }] }] },
            });
        using AccessProbeContext context = Context(athena, new Mock<IAmazonS3>(MockBehavior.Strict));
        context.WorkGroup = new WorkGroup
        {
            Name = "sox",
            Configuration = new WorkGroupConfiguration { ManagedQueryResultsConfiguration = new ManagedQueryResultsConfiguration { Enabled = true } },
        };

        ProbeResult result = await new QueryProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Pass, result.Status);
        athena.Verify(a => a.StartQueryExecutionAsync(It.Is<StartQueryExecutionRequest>(r => r.ResultConfiguration == null), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task WithoutTheQueryFlag_IsSkipped()
    {
        using AccessProbeContext context = ProbeContexts.With(new Mock<IAthenaClient>(MockBehavior.Strict));

        ProbeResult result = await new QueryProbe().RunAsync(context, CancellationToken.None);

        Assert.Equal(ProbeStatus.Skipped, result.Status);
        Assert.Contains("--query", result.Detail, StringComparison.Ordinal);
    }

    private static AccessProbeContext Context(Mock<IAthenaClient> athena, Mock<IAmazonS3> s3) => Prepared(ProbeContexts.With(athena, s3, runQuery: true));

    private static AccessProbeContext Context(Mock<IAthenaClient> athena, ResultStore results) =>
        Prepared(ProbeContexts.With(athena, results.S3, runQuery: true,
            resultReader: (_, s3, time) => new S3ResultReader(s3, S3ReadOptions.ForLocalEndpoint, time, results.Http)));

    private static AccessProbeContext Prepared(AccessProbeContext context)
    {
        context.WorkGroup = new WorkGroup { Name = "sox", State = "ENABLED" };
        context.OutputLocation = "s3://results/soxauto/";
        return context;
    }

    private static Mock<IAthenaClient> Athena(params string[] states)
    {
        Mock<IAthenaClient> athena = new(MockBehavior.Strict);
        athena.Setup(a => a.StartQueryExecutionAsync(It.IsAny<StartQueryExecutionRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StartQueryExecutionResponse { QueryExecutionId = "q-1" });
        Queue<string> queue = new(states);
        athena.Setup(a => a.GetQueryExecutionAsync(It.IsAny<GetQueryExecutionRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                string state = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
                return new GetQueryExecutionResponse
                {
                    QueryExecution = new QueryExecution
                    {
                        QueryExecutionId = "q-1",
                        Status = new QueryExecutionStatus { State = state, StateChangeReason = state == QueryExecutionStates.Failed ? "because" : null },
                        ResultConfiguration = new ResultConfiguration { OutputLocation = ResultUri },
                    },
                };
            });
        return athena;
    }

    /// <summary>The result object, read the way extract reads it: presigned by the S3 client, fetched over HTTP.</summary>
    private static ResultStore ResultFile(string content)
    {
        Mock<IAmazonS3> s3 = new(MockBehavior.Strict);
        s3.Setup(s => s.Dispose());
        s3.Setup(s => s.Config).Returns(new AmazonS3Config { ServiceURL = "http://s3.test" });
        s3.Setup(s => s.GetPreSignedURLAsync(It.Is<GetPreSignedUrlRequest>(r => r.BucketName == "results" && r.Key == "soxauto/q-1.csv")))
            .ReturnsAsync("http://s3.test/results/soxauto/q-1.csv?X-Amz-Signature=test");
        return new ResultStore(s3, new ScriptedS3Object(Encoding.UTF8.GetBytes(content)));
    }

    private sealed record ResultStore(Mock<IAmazonS3> S3, ScriptedS3Object Http);
}
