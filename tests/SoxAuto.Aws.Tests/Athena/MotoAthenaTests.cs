using Amazon.S3;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Storage;
using SoxAuto.Core.Data;
using SoxAuto.Core.Execution;
using SoxAuto.Testing;

namespace SoxAuto.Aws.Tests.Athena;

/// <summary>The real client, engine and S3 reader against moto_server: Athena's state machine, canned results and the result file in S3.</summary>
public sealed class MotoAthenaTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string Bucket = "soxauto-results";

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        await moto.CreateBucketAsync(Bucket);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private (AthenaClient Client, AthenaQueryEngine Engine, AmazonS3Client S3) Connect()
    {
        IReadOnlyDictionary<string, string> variables = moto.Environment;
        AwsSession session = AwsSessionFactory.Create(new AwsOptions(EndpointUrl: moto.Endpoint), MotoServer.Region, name => variables.GetValueOrDefault(name));
        AthenaClient client = new(session, TimeProvider.System);
        AmazonS3Client s3 = S3ClientFactory.Create(session);
        AthenaQueryEngine engine = new(client, S3ClientFactory.CreateResultReader(session, s3, TimeProvider.System), new AthenaQueryEngineOptions("primary", $"s3://{Bucket}/athena/", "AwsDataCatalog"),
            TimeProvider.System, new PollSchedule(TimeSpan.FromMilliseconds(20), 1.5, TimeSpan.FromMilliseconds(200)));
        return (client, engine, s3);
    }

    private async Task QueueResultAsync(object[] rows, object[] columns)
    {
        await moto.PostJsonAsync("moto-api/static/athena/query-results", new
        {
            account_id = MotoServer.AccountId,
            region = MotoServer.Region,
            results = new[] { new { rows, column_info = columns } },
        });
    }

    private static object Row(params string?[] values) =>
        new { Data = values.Select(v => v is null ? (object)new { } : new { VarCharValue = v }).ToArray() };

    [Fact]
    public async Task Query_RunsThroughMoto_AndItsResultFileStreamsFromS3_WithNullsKept()
    {
        (AthenaClient client, AthenaQueryEngine engine, AmazonS3Client s3) = Connect();
        using (client)
        using (s3)
        {
            await QueueResultAsync(
                [Row("entry_no", "amount", "note"), Row("1", "10.50", "x"), Row("2", "-3.00", null), Row("3", "0.00", "")],
                [new { Name = "entry_no", Type = "bigint" }, new { Name = "amount", Type = "decimal", Precision = 38, Scale = 2 }, new { Name = "note", Type = "varchar" }]);

            QueryExecutionInfo info = await engine.ExecuteAsync(new QueryRequest("test", "SELECT entry_no, amount, note FROM t WHERE d <= ?", ["DATE '2025-09-30'"], "default", "AwsDataCatalog"), CancellationToken.None);
            IReadOnlyList<ResultColumn> columns = await engine.GetColumnsAsync(info, CancellationToken.None);
            await using OpenedResult result = await engine.OpenResultAsync(info, columns, CancellationToken.None);
            RowTexts rows = new();
            ResultSchema schema = new([new("entry_no", AthenaType.Bigint), new("amount", AthenaType.DecimalOf(38, 2)), new("note", AthenaType.Varchar)]);
            await ResultReader.ReadAsync(result.Content, schema, [rows], [], CancellationToken.None);

            Assert.Equal("SUCCEEDED", info.State);
            Assert.Equal($"s3://{Bucket}/athena/{info.ExecutionId}.csv", info.OutputLocation);
            Assert.Equal(ResultLocation.ViaStorage, result.Location.ReadVia);
            Assert.NotNull(result.Location.ETag);
            Assert.True(result.Location.Size > 0);
            Assert.Equal("decimal(38,2)", columns[1].Type);
            Assert.Equal(["1|10.50|x", "2|-3.00|NULL", "3|0.00|"], rows.Lines);
        }
    }

    [Fact]
    public async Task StateMachine_QueuedRunningSucceeded_IsFollowed()
    {
        await moto.PostJsonAsync("moto-api/state-manager/set-transition",
            new { model_name = "athena::execution", transition = new { progression = "manual", times = 2 } });
        try
        {
            (AthenaClient client, AthenaQueryEngine engine, AmazonS3Client s3) = Connect();
            using (client)
            using (s3)
            {
                QueryExecutionInfo info = await engine.ExecuteAsync(new QueryRequest("test", "SELECT 1", [], null, "AwsDataCatalog"), CancellationToken.None);
                Assert.Equal("SUCCEEDED", info.State);
            }
        }
        finally
        {
            await moto.PostJsonAsync("moto-api/state-manager/unset-transition", new { model_name = "athena::execution" });
        }
    }

    [Fact]
    public async Task Cancelling_AMotoQuery_StopsIt()
    {
        await moto.PostJsonAsync("moto-api/state-manager/set-transition",
            new { model_name = "athena::execution", transition = new { progression = "time", seconds = 600 } });
        try
        {
            (AthenaClient client, _, AmazonS3Client s3) = Connect();
            using (client)
            using (s3)
            {
                RecordingAthenaClient recording = new(client);
                AthenaQueryEngine engine = new(recording, new S3ResultReader(s3, S3ReadOptions.ForLocalEndpoint, TimeProvider.System), new AthenaQueryEngineOptions("primary", $"s3://{Bucket}/athena/", "AwsDataCatalog"),
                    TimeProvider.System, new PollSchedule(TimeSpan.FromMilliseconds(20), 1.5, TimeSpan.FromMilliseconds(200)));
                using CancellationTokenSource cancel = new(TimeSpan.FromMilliseconds(500));
                await Assert.ThrowsAnyAsync<OperationCanceledException>(
                    () => engine.ExecuteAsync(new QueryRequest("test", "SELECT 1", [], null, "AwsDataCatalog"), cancel.Token));

                string id = Assert.Single(recording.Started);
                SoxAuto.Aws.Athena.Model.GetQueryExecutionResponse after = await client.GetQueryExecutionAsync(new() { QueryExecutionId = id }, CancellationToken.None);
                Assert.Equal("CANCELLED", after.QueryExecution.Status.State);
            }
        }
        finally
        {
            await moto.PostJsonAsync("moto-api/state-manager/unset-transition", new { model_name = "athena::execution" });
        }
    }

    private sealed class RowTexts : IRowConsumer
    {
        public List<string> Lines { get; } = [];

        public void Start(ResultSchema schema)
        {
        }

        public void Consume(TypedRow row) =>
            Lines.Add(string.Join('|', Enumerable.Range(0, row.Count).Select(i => row.IsNull(i) ? "NULL" : row.GetString(i))));

        public void Finish(long rowCount)
        {
        }
    }
}
