using System.Net.Http.Headers;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests.TestSupport;

/// <summary>
/// Puts moto into the state a test needs: buckets, Athena workgroups (CreateWorkGroup is not part of IAthenaClient, so
/// it is sent as raw signed JSON — moto routes by the SigV4 scope), databases (moto interprets CREATE DATABASE), and
/// the rows the next query returns.
/// </summary>
internal sealed class MotoSeed(MotoServer moto) : IDisposable
{
    private readonly HttpClient _athena = new(new SigV4SigningHandler(new BasicAWSCredentials("testing", "testing"),
        RegionEndpoint.GetBySystemName(MotoServer.Region), "athena", new SocketsHttpHandler { AllowAutoRedirect = false }))
    {
        BaseAddress = moto.Endpoint,
    };

    public Task BucketAsync(string bucket) => moto.CreateBucketAsync(bucket);

    public Task WorkGroupAsync(string name, string? outputLocation = null, bool enforce = false) =>
        CallAsync("CreateWorkGroup", System.Text.Json.JsonSerializer.Serialize(new
        {
            Name = name,
            Configuration = new
            {
                ResultConfiguration = outputLocation is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["OutputLocation"] = outputLocation },
                EnforceWorkGroupConfiguration = enforce,
            },
        }));

    public Task DatabaseAsync(string name) => CallAsync("StartQueryExecution", $$"""
        {"QueryString": "CREATE DATABASE {{name}}", "ClientRequestToken": "{{Guid.NewGuid():N}}"}
        """);

    /// <summary>Queues what the next query returns: a header row then value rows, one column.</summary>
    public async Task NextQueryReturnsAsync(string column, params string[] values)
    {
        string rows = string.Join(", ", new[] { column }.Concat(values).Select(v => $$"""{"Data": [{"VarCharValue": "{{v}}"}]}"""));
        string body = $$"""
            {"account_id": "{{MotoServer.AccountId}}", "region": "{{MotoServer.Region}}",
             "results": [{"rows": [{{rows}}], "column_info": [{"Name": "{{column}}", "Type": "integer"}]}]}
            """;
        using StringContent content = new(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await moto.Http.PostAsync(new Uri("moto-api/static/athena/query-results", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _athena.Dispose();

    private async Task CallAsync(string operation, string json)
    {
        using HttpRequestMessage message = new(HttpMethod.Post, "/") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonAthena." + operation);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using HttpResponseMessage response = await _athena.SendAsync(message);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"moto {operation}: {(int)response.StatusCode} {text}");
    }
}
