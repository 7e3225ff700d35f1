using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using SoxAuto.Aws.Athena.Model;
using SoxAuto.Aws.Connection;

namespace SoxAuto.Aws.Athena;

/// <summary>
/// A thin client of Athena's JSON-1.1 API over <see cref="HttpClient"/> (AWSSDK.Athena is not obtainable here). Each
/// request is <c>POST /</c> with <c>X-Amz-Target: AmazonAthena.&lt;Operation&gt;</c>, signed with SigV4 by
/// AWSSDK.Core's public <see cref="SigV4SigningHandler"/>. Retries sit outside the signer so each attempt is re-signed;
/// StartQueryExecution is retried with the same ClientRequestToken, so a retry never starts a second query.
/// </summary>
public sealed class AthenaClient : IAthenaClient, IDisposable
{
    // botocore sends exactly this content type; a charset suffix or application/json changes Athena's answer.
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly HttpClient _http;
    private readonly RetryPolicy _retry;

    public AthenaClient(AwsSession session, TimeProvider time)
        : this(session.Credentials, session.Region, session.EndpointFor(AwsService.Athena),
            new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            RetryPolicy.Default(time))
    {
    }

    internal AthenaClient(AWSCredentials credentials, Amazon.RegionEndpoint region, Uri endpoint, HttpMessageHandler transport, RetryPolicy retry)
    {
        _http = new HttpClient(new SigV4SigningHandler(credentials, region, AwsService.Athena.SigningName, transport))
        {
            BaseAddress = endpoint,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _retry = retry;
    }

    public Uri Endpoint => _http.BaseAddress!;

    public Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken) =>
        CallAsync<StartQueryExecutionRequest, StartQueryExecutionResponse>("StartQueryExecution", request, cancellationToken);

    public Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken) =>
        CallAsync<GetQueryExecutionRequest, GetQueryExecutionResponse>("GetQueryExecution", request, cancellationToken);

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken) =>
        CallAsync<GetQueryResultsRequest, GetQueryResultsResponse>("GetQueryResults", request, cancellationToken);

    public Task StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken) =>
        CallAsync<StopQueryExecutionRequest, JsonElement>("StopQueryExecution", request, cancellationToken);

    public Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken) =>
        CallAsync<GetWorkGroupRequest, GetWorkGroupResponse>("GetWorkGroup", request, cancellationToken);

    public Task<ListDatabasesResponse> ListDatabasesAsync(ListDatabasesRequest request, CancellationToken cancellationToken) =>
        CallAsync<ListDatabasesRequest, ListDatabasesResponse>("ListDatabases", request, cancellationToken);

    public Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken) =>
        CallAsync<GetDatabaseRequest, GetDatabaseResponse>("GetDatabase", request, cancellationToken);

    public void Dispose() => _http.Dispose();

    private Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(request, AthenaJson.Options);
        return _retry.ExecuteAsync(token => SendOnceAsync<TResponse>(operation, body, token), cancellationToken);
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(string operation, byte[] body, CancellationToken cancellationToken)
    {
        using HttpRequestMessage message = new(HttpMethod.Post, "/") { Content = new ByteArrayContent(body) };
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonAthena." + operation);
        message.Content.Headers.ContentType = JsonContentType;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new AthenaNetworkException($"Athena {operation}: no answer from {_http.BaseAddress} ({ex.Message})", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AthenaNetworkException($"Athena {operation}: no answer from {_http.BaseAddress} within {_http.Timeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken);
            string? requestId = response.Headers.TryGetValues("x-amzn-RequestId", out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;
            if (!response.IsSuccessStatusCode)
            {
                throw AthenaErrorParser.Parse(response.StatusCode, text, requestId);
            }

            try
            {
                return JsonSerializer.Deserialize<TResponse>(string.IsNullOrWhiteSpace(text) ? "{}" : text, AthenaJson.Options)
                    ?? throw new AthenaException("SerializationException", $"Athena {operation}: empty answer", (int)response.StatusCode, requestId);
            }
            catch (JsonException ex)
            {
                throw new AthenaException("SerializationException",
                    $"Athena {operation}: the answer is not the JSON Athena sends ({ex.Message})", (int)response.StatusCode, requestId);
            }
        }
    }
}
