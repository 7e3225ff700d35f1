using System.Text;
using System.Text.Json;
using Amazon.S3;
using Moq;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Storage;
using SoxAuto.Core.Execution;

namespace SoxAuto.Aws.Tests.Athena;

public sealed partial class AthenaQueryEngineTests
{
    private static readonly QueryRequest Request = new("IPE_07 main query", "SELECT 1", ["DATE '2025-09-30'"], "nav_bi", "AwsDataCatalog");

    private static object WorkGroup(bool enforced = false, string? location = "s3://wg-results/", bool managed = false, string? encryption = null) => new
    {
        WorkGroup = new
        {
            Name = "primary",
            State = "ENABLED",
            Configuration = new
            {
                EnforceWorkGroupConfiguration = enforced,
                ResultConfiguration = new { OutputLocation = location, EncryptionConfiguration = encryption is null ? null : new { EncryptionOption = encryption } },
                ManagedQueryResultsConfiguration = new { Enabled = managed },
            },
        },
    };

    private static object Execution(string id, string state, object? error = null) => new
    {
        QueryExecution = new
        {
            QueryExecutionId = id,
            StatementType = "DML",
            ResultConfiguration = new { OutputLocation = $"s3://results/{id}.csv" },
            Status = new { State = state, StateChangeReason = error is null ? null : "boom", AthenaError = error },
            Statistics = new { DataScannedInBytes = 1234, EngineExecutionTimeInMillis = 50 },
            EngineVersion = new { EffectiveEngineVersion = "Athena engine version 3" },
        },
    };

    private static AthenaQueryEngine Engine(ScriptedAthenaHandler handler, string? outputLocation = "s3://mine/soxauto/") =>
        Engine(AthenaClientFactory.Create(handler), outputLocation);

    private static AthenaQueryEngine Engine(AthenaClient client, string? outputLocation = "s3://mine/soxauto/") =>
        new(client, new S3ResultReader(Mock.Of<IAmazonS3>(), S3ReadOptions.ForAws, TimeProvider.System),
            new AthenaQueryEngineOptions("primary", outputLocation, "AwsDataCatalog"), TimeProvider.System,
            new PollSchedule(TimeSpan.FromMilliseconds(1), 1, TimeSpan.FromMilliseconds(1)));

    [Fact]
    public async Task Execute_PollsUntilSucceeded_AndRecordsProvenance()
    {
        int polls = 0;
        ScriptedAthenaHandler handler = new((operation, _) => operation switch
        {
            "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup()),
            "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-1" }),
            _ => ScriptedAthenaHandler.Ok(Execution("q-1", ++polls < 3 ? (polls == 1 ? "QUEUED" : "RUNNING") : "SUCCEEDED")),
        });

        QueryExecutionInfo info = await Engine(handler).ExecuteAsync(Request, CancellationToken.None);

        Assert.Equal("SUCCEEDED", info.State);
        Assert.Equal(3, polls);
        Assert.Equal("s3://results/q-1.csv", info.OutputLocation);
        Assert.Equal(1234, info.DataScannedBytes);
        Assert.Equal("Athena engine version 3", info.EngineVersion);
        RecordedRequest start = Assert.Single(handler.For("StartQueryExecution"));
        Assert.Equal(32, start.String("ClientRequestToken")!.Length);
        Assert.Equal("s3://mine/soxauto/", start.Body.GetProperty("ResultConfiguration").GetProperty("OutputLocation").GetString());
        Assert.Equal("nav_bi", start.Body.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Single(handler.For("GetWorkGroup"));
    }

    [Fact]
    public async Task AWorkgroupReadThatFailed_IsAskedAgainByTheNextItem_NotKeptForTheRun()
    {
        int reads = 0;
        ScriptedAthenaHandler handler = new((operation, _) => operation switch
        {
            "GetWorkGroup" => ++reads == 1
                ? ScriptedAthenaHandler.Error(System.Net.HttpStatusCode.BadRequest, "InvalidRequestException", "passing outage")
                : ScriptedAthenaHandler.Ok(WorkGroup()),
            "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-1" }),
            _ => ScriptedAthenaHandler.Ok(Execution("q-1", "SUCCEEDED")),
        });
        AthenaQueryEngine engine = Engine(handler);

        await Assert.ThrowsAsync<InvalidRequestException>(() => engine.ExecuteAsync(Request, CancellationToken.None));
        QueryExecutionInfo second = await engine.ExecuteAsync(Request, CancellationToken.None);

        Assert.Equal("SUCCEEDED", second.State);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task FailedQuery_ThatIsNotRetryable_IsNeverReRun()
    {
        ScriptedAthenaHandler handler = new((operation, _) => operation switch
        {
            "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup()),
            "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-1" }),
            _ => ScriptedAthenaHandler.Ok(Execution("q-1", "FAILED", new { ErrorCategory = 2, ErrorType = 1006, Retryable = false, ErrorMessage = "syntax" })),
        });

        QueryFailedException error = await Assert.ThrowsAsync<QueryFailedException>(() => Engine(handler).ExecuteAsync(Request, CancellationToken.None));

        Assert.Single(handler.For("StartQueryExecution"));
        Assert.Equal("FAILED", error.Execution.State);
        Assert.Contains("type 1006", error.Message, StringComparison.Ordinal);
        Assert.Contains("IPE_07 main query", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, 3)]  // retryable: re-submitted (with a new token) up to twice, then reported
    [InlineData(3, 1)]    // "exhausted resources at this scale factor": re-running fails the same way
    public async Task FailedQuery_ThatIsRetryable_IsReSubmittedWithANewToken_Bounded(int errorType, int expectedStarts)
    {
        int started = 0;
        ScriptedAthenaHandler handler = new((operation, _) => operation switch
        {
            "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup()),
            "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = $"q-{++started}" }),
            _ => ScriptedAthenaHandler.Ok(Execution($"q-{started}", "FAILED", new { ErrorCategory = 1, ErrorType = errorType, Retryable = true })),
        });

        QueryFailedException error = await Assert.ThrowsAsync<QueryFailedException>(() => Engine(handler).ExecuteAsync(Request, CancellationToken.None));

        Assert.Equal(expectedStarts, handler.For("StartQueryExecution").Count());
        Assert.Equal(expectedStarts, handler.For("StartQueryExecution").Select(r => r.String("ClientRequestToken")).Distinct().Count());
        Assert.Equal(expectedStarts - 1, error.Execution.SupersededExecutionIds.Count);
    }

    [Fact]
    public async Task Cancellation_StopsTheRunningQuery()
    {
        using CancellationTokenSource cancel = new();
        int polls = 0;
        ScriptedAthenaHandler handler = new((operation, _) =>
        {
            if (operation == "GetQueryExecution" && ++polls == 3)
            {
                cancel.Cancel();
            }

            return operation switch
            {
                "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup()),
                "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-9" }),
                "StopQueryExecution" => ScriptedAthenaHandler.Ok(new { }),
                _ => ScriptedAthenaHandler.Ok(Execution("q-9", "RUNNING")),
            };
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine(handler).ExecuteAsync(Request, cancel.Token));

        RecordedRequest stop = Assert.Single(handler.For("StopQueryExecution"));
        Assert.Equal("q-9", stop.String("QueryExecutionId"));
    }

    [Fact]
    public async Task EnforcedWorkGroup_GetsNoClientOutputLocation()
    {
        ScriptedAthenaHandler handler = new((operation, _) => operation switch
        {
            "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup(enforced: true, location: "s3://enforced/")),
            "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-1" }),
            _ => ScriptedAthenaHandler.Ok(Execution("q-1", "SUCCEEDED")),
        });

        await Engine(handler).ExecuteAsync(Request, CancellationToken.None);

        Assert.False(Assert.Single(handler.For("StartQueryExecution")).Body.TryGetProperty("ResultConfiguration", out _));
    }

    [Fact]
    public async Task NoOutputLocationAnywhere_IsAClearError()
    {
        ScriptedAthenaHandler handler = new((_, _) => ScriptedAthenaHandler.Ok(WorkGroup(location: null)));

        AthenaException error = await Assert.ThrowsAsync<AthenaException>(() => Engine(handler, outputLocation: null).ExecuteAsync(Request, CancellationToken.None));

        Assert.Contains("--output-location", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "CSE_KMS")]
    public async Task ManagedOrClientEncryptedResults_AreReadThroughTheApi_InAthenasCsvDialect(bool managed, string? encryption)
    {
        ScriptedAthenaHandler handler = new((operation, body) => operation switch
        {
            "GetWorkGroup" => ScriptedAthenaHandler.Ok(WorkGroup(managed: managed, enforced: encryption is not null, encryption: encryption)),
            "StartQueryExecution" => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-1" }),
            "GetQueryExecution" => ScriptedAthenaHandler.Ok(Execution("q-1", "SUCCEEDED")),
            _ => Page(body),
        });
        AthenaQueryEngine engine = Engine(handler);

        QueryExecutionInfo info = await engine.ExecuteAsync(Request, CancellationToken.None);
        IReadOnlyList<ResultColumn> columns = await engine.GetColumnsAsync(info, CancellationToken.None);
        await using OpenedResult result = await engine.OpenResultAsync(info, columns, CancellationToken.None);
        using StreamReader reader = new(result.Content, Encoding.UTF8);
        string csv = await reader.ReadToEndAsync();

        Assert.Equal([new ResultColumn("id", "bigint"), new ResultColumn("amount", "decimal(38,2)"), new ResultColumn("name", "varchar")], columns);
        Assert.Equal("\"id\",\"amount\",\"name\"\n\"1\",\"10.50\",\"a \"\"quoted\"\" name\"\n\"2\",,\"\"\n\"3\",\"-0.01\",\n", csv);
        Assert.Equal(ResultLocation.ViaApi, result.Location.ReadVia);
    }

    // Two pages: the header row first on page 1 only, as Athena pages a SELECT.
    private static HttpResponseMessage Page(JsonElement body)
    {
        bool first = !body.TryGetProperty("NextToken", out JsonElement token) || token.ValueKind == JsonValueKind.Null;
        object[] columnInfo =
        [
            new { Name = "id", Type = "bigint" },
            new { Name = "amount", Type = "decimal", Precision = 38, Scale = 2 },
            new { Name = "name", Type = "varchar", Precision = 2147483647 },
        ];
        object[] rows = first
            ? [Row("id", "amount", "name"), Row("1", "10.50", "a \"quoted\" name"), Row("2", null, "")]
            : [Row("3", "-0.01", null)];
        return ScriptedAthenaHandler.Ok(new
        {
            ResultSet = new { Rows = body.TryGetProperty("MaxResults", out JsonElement max) && max.GetInt32() == 1 ? rows.Take(1).ToArray() : rows, ResultSetMetadata = new { ColumnInfo = columnInfo } },
            NextToken = first && !(body.TryGetProperty("MaxResults", out JsonElement m) && m.GetInt32() == 1) ? "page-2" : null,
        });
    }

    private static object Row(params string?[] values) =>
        new { Data = values.Select(v => v is null ? (object)new { } : new { VarCharValue = v }).ToArray() };
}
