using System.Net;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Tests.Athena;

public sealed class AthenaClientTests
{
    private static StartQueryExecutionRequest Start() => new()
    {
        QueryString = "SELECT 1",
        ClientRequestToken = "0123456789abcdef0123456789abcdef",
        WorkGroup = "primary",
        ExecutionParameters = ["DATE '2025-09-30'"],
    };

    [Fact]
    public async Task Request_IsJson11_SignedWithSigV4_ToTheOperationTarget()
    {
        ScriptedAthenaHandler handler = new((_, _) => ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-1" }));
        using AthenaClient client = AthenaClientFactory.Create(handler);

        StartQueryExecutionResponse response = await client.StartQueryExecutionAsync(Start(), CancellationToken.None);

        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal("q-1", response.QueryExecutionId);
        Assert.Equal("StartQueryExecution", request.Operation);
        Assert.Equal("POST", request.Method);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", request.Authorization, StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/athena/aws4_request", request.Authorization, StringComparison.Ordinal);
        Assert.Equal("0123456789abcdef0123456789abcdef", request.String("ClientRequestToken"));
        Assert.Equal("DATE '2025-09-30'", request.Body.GetProperty("ExecutionParameters")[0].GetString());
        Assert.False(request.Body.TryGetProperty("ResultConfiguration", out _), "absent members are omitted, not null");
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ThrottlingException")]
    [InlineData(HttpStatusCode.TooManyRequests, "SomethingElse")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalServerException")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")]
    [InlineData(HttpStatusCode.BadRequest, "TooManyRequestsException")]
    public async Task TransientErrors_AreRetried_WithTheSameToken_AndGrowingBackoff(HttpStatusCode status, string type)
    {
        int calls = 0;
        ScriptedAthenaHandler handler = new((_, _) => ++calls <= 3
            ? ScriptedAthenaHandler.Error(status, type, "Rate exceeded")
            : ScriptedAthenaHandler.Ok(new { QueryExecutionId = "q-1" }));
        List<TimeSpan> delays = [];
        using AthenaClient client = AthenaClientFactory.Create(handler, delays);

        StartQueryExecutionResponse response = await client.StartQueryExecutionAsync(Start(), CancellationToken.None);

        Assert.Equal("q-1", response.QueryExecutionId);
        Assert.Equal(4, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("0123456789abcdef0123456789abcdef", r.String("ClientRequestToken")));
        Assert.Equal(3, delays.Count);
        Assert.True(delays[0] < delays[1] && delays[1] < delays[2], string.Join(", ", delays));
    }

    [Fact]
    public async Task Retries_AreBounded_ThenTheTypedErrorSurfaces()
    {
        ScriptedAthenaHandler handler = new((_, _) => ScriptedAthenaHandler.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded"));
        using AthenaClient client = AthenaClientFactory.Create(handler, maxAttempts: 4);

        ThrottlingException error = await Assert.ThrowsAsync<ThrottlingException>(() => client.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = "primary" }, CancellationToken.None));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal("Rate exceeded", error.Message);
    }

    [Fact]
    public async Task InvalidRequest_IsNeverRetried_AndCarriesTheAthenaErrorCode()
    {
        ScriptedAthenaHandler handler = new((_, _) => ScriptedAthenaHandler.Error(HttpStatusCode.BadRequest,
            "com.amazonaws.athena#InvalidRequestException:extra", "line 1:1: mismatched input 'SELEC'", "MALFORMED_QUERY"));
        using AthenaClient client = AthenaClientFactory.Create(handler);

        InvalidRequestException error = await Assert.ThrowsAsync<InvalidRequestException>(() => client.StartQueryExecutionAsync(Start(), CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Equal("MALFORMED_QUERY", error.AthenaErrorCode);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task NonJsonErrorBody_IsTolerated_AndNotEchoed()
    {
        int calls = 0;
        ScriptedAthenaHandler handler = new((_, _) => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy secret page</html>") }
            : ScriptedAthenaHandler.Ok(new { WorkGroup = new { Name = "primary", State = "ENABLED" } }));
        using AthenaClient client = AthenaClientFactory.Create(handler);

        GetWorkGroupResponse response = await client.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = "primary" }, CancellationToken.None);

        Assert.Equal("primary", response.WorkGroup.Name);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task EpochSecondTimestamps_AreParsedAsUtc()
    {
        ScriptedAthenaHandler handler = new((_, _) => ScriptedAthenaHandler.Json(HttpStatusCode.OK,
            """{"QueryExecution":{"QueryExecutionId":"q-1","Status":{"State":"SUCCEEDED","SubmissionDateTime":1565649050.175,"CompletionDateTime":null},"WorkGroup":null}}"""));
        using AthenaClient client = AthenaClientFactory.Create(handler);

        GetQueryExecutionResponse response = await client.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = "q-1" }, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2019, 8, 12, 22, 30, 50, 175, TimeSpan.Zero), response.QueryExecution.Status.SubmissionDateTime);
        Assert.Null(response.QueryExecution.Status.CompletionDateTime);
    }
}
