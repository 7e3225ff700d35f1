namespace SoxAuto.Testing;

/// <summary>
/// A real moto_server (moto 5.2.1, preinstalled on the project's machines) on a free loopback port, for S3, STS and
/// Athena's API. Started by the test, stopped on dispose. Use one per test class (xunit IClassFixture) and reset it
/// between tests with <see cref="ResetAsync"/>.
/// </summary>
public sealed class MotoServer : IDisposable
{
    public const string Region = "us-east-1";
    public const string AccountId = "123456789012";

    private readonly ExternalProcess _process;

    public MotoServer()
    {
        Port = FreePort.Next();
        _process = ExternalProcess.Start("moto_server", ["-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            "moto 5.2.1 (moto_server) is expected on this machine image; tests use it as the local S3/STS/Athena endpoint",
            withoutVariables: AwsProfileVariables.Names);
        Endpoint = new Uri($"http://127.0.0.1:{Port}/");
        Http = new HttpClient { BaseAddress = Endpoint, Timeout = TimeSpan.FromSeconds(30) };
        WaitUntilReady();
    }

    public int Port { get; }

    public Uri Endpoint { get; }

    public HttpClient Http { get; }

    /// <summary>Environment variables that point AWS clients at this server with dummy credentials.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_REGION"] = Region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>Forgets every bucket, object and query (moto's <c>/moto-api/reset</c>).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await Http.PostAsync(new Uri("moto-api/reset", UriKind.Relative), null, cancellationToken);
        await EnsureOkAsync(response, cancellationToken);
    }

    /// <summary>Creates a bucket with a path-style PUT (moto routes unsigned requests to S3).</summary>
    public async Task CreateBucketAsync(string bucket, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await Http.PutAsync(new Uri(bucket, UriKind.Relative), null, cancellationToken);
        await EnsureOkAsync(response, cancellationToken);
    }

    /// <summary>
    /// POSTs JSON to moto's admin API with a Content-Length: its development server does not read chunked bodies, which
    /// is what <c>PostAsJsonAsync</c> sends.
    /// </summary>
    public async Task PostJsonAsync(string path, object body, CancellationToken cancellationToken = default)
    {
        using StringContent content = new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await Http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        await EnsureOkAsync(response, cancellationToken);
    }

    /// <summary>Fails with moto's answer and the tail of its log, which say far more than a bare status code.</summary>
    public async Task EnsureOkAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        if (!response.IsSuccessStatusCode)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            string log = _process.Log;
            throw new InvalidOperationException(
                $"moto answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}\n--- moto log (tail) ---\n{log[Math.Max(0, log.Length - 3000)..]}");
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
    }

    private void WaitUntilReady()
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited during start-up:\n{_process.Log}");
            }

            try
            {
                using HttpResponseMessage response = Http.GetAsync(new Uri("moto-api/data.json", UriKind.Relative)).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"moto_server did not answer on port {Port} within 30 s:\n{_process.Log}");
    }
}
