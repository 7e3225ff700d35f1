using System.Globalization;
using System.Text.Json;

namespace SoxAuto.Testing;

/// <summary>
/// The DuckDB-backed Athena emulator (src/athena-emulator) on a free loopback port, writing results to a moto S3.
/// Its dependencies come from <c>npm ci</c> in src/athena-emulator, which scripts/test.sh runs.
/// </summary>
public sealed class AthenaEmulator : IDisposable
{
    private readonly ExternalProcess _process;
    private readonly TempDirectory _state = new("soxauto-emulator-state");

    public AthenaEmulator(Uri s3Endpoint, string lake, string outputLocation, string? workgroupsJson = null)
    {
        string folder = RepositoryRoot.Combine("src", "athena-emulator");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@duckdb")))
        {
            throw new InvalidOperationException($"the Athena emulator's dependencies are missing; run 'npm ci' in {folder} (scripts/test.sh does)");
        }

        TaskCompletionSource<int> port = new(TaskCreationOptions.RunContinuationsAsynchronously);
        List<string> arguments = ["server.js", "--port", "0", "--lake", lake, "--s3-endpoint", s3Endpoint.ToString().TrimEnd('/'),
            "--region", MotoServer.Region, "--state-dir", _state.Path, "--output-location", outputLocation, "--log-level", "warn"];
        if (workgroupsJson is not null)
        {
            arguments.AddRange(["--workgroups", workgroupsJson]);
        }

        _process = ExternalProcess.Start("node", arguments, "Node.js 20 is expected on this machine image", workingDirectory: folder,
            withoutVariables: AwsProfileVariables.Names,
            onOutputLine: line =>
            {
                if (line.StartsWith('{'))
                {
                    using JsonDocument json = JsonDocument.Parse(line);
                    port.TrySetResult(json.RootElement.GetProperty("port").GetInt32());
                }
            });
        if (!port.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            _process.Dispose();
            throw new TimeoutException($"the Athena emulator did not start within 60 s:\n{_process.Log}");
        }

        Port = port.Task.Result;
        Endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));
    }

    public int Port { get; }

    public Uri Endpoint { get; }

    public Uri AdminUrl => new(Endpoint, "_emulator/");

    public string Log => _process.Log;

    public void Dispose()
    {
        _process.Dispose();
        _state.Dispose();
    }
}
