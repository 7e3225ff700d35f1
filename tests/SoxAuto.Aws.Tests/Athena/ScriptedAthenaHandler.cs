using System.Net;
using System.Text;
using System.Text.Json;

namespace SoxAuto.Aws.Tests.Athena;

/// <summary>
/// The transport under the signer: records every request as Athena would receive it, and answers from a script
/// (a function of operation and body), so the wire behaviour can be tested without a network.
/// </summary>
internal sealed class ScriptedAthenaHandler(Func<string, JsonElement, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    public IEnumerable<RecordedRequest> For(string operation) => Requests.Where(r => r.Operation == operation);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1") };

    public static HttpResponseMessage Ok(object body) => Json(HttpStatusCode.OK, JsonSerializer.Serialize(body));

    public static HttpResponseMessage Error(HttpStatusCode status, string type, string message, string? athenaErrorCode = null) =>
        Json(status, JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["__type"] = type,
            ["Message"] = message,
            ["AthenaErrorCode"] = athenaErrorCode,
        }));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        string target = request.Headers.TryGetValues("X-Amz-Target", out IEnumerable<string>? values) ? values.Single() : string.Empty;
        string operation = target.StartsWith("AmazonAthena.", StringComparison.Ordinal) ? target["AmazonAthena.".Length..] : target;
        using JsonDocument document = JsonDocument.Parse(body);
        RecordedRequest recorded = new(operation, document.RootElement.Clone(), request.Method.Method, request.RequestUri!,
            request.Content?.Headers.ContentType?.ToString(),
            request.Headers.TryGetValues("Authorization", out IEnumerable<string>? auth) ? string.Join(",", auth) : null);
        lock (Requests)
        {
            Requests.Add(recorded);
        }

        return respond(operation, recorded.Body);
    }
}
