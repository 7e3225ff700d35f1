using SoxAuto.Cli.Tests.TestSupport;
using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests.Commands;

/// <summary>
/// extract checks what the user gave it before any AWS call: a mistake is exit 2 naming the option or variable, its
/// value and the fix — not an "internal error" or an ERROR per item after queries were started. AWS here is a closed
/// loopback port.
/// </summary>
public sealed class ExtractPreflightTests : IDisposable
{
    private readonly TestCatalog _catalog = new();
    private readonly TempDirectory _temp = new("soxauto-extract-preflight");

    public void Dispose()
    {
        _catalog.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_ATHENA")]
    [InlineData("AWS_ENDPOINT_URL_S3")]
    [InlineData("AWS_ENDPOINT_URL_STS")]
    [InlineData("AWS_ENDPOINT_URL")]
    public async Task EndpointVariable_WhenNotAUrl_Exits2LikeTheFlag(string variable)
    {
        Dictionary<string, string> variables = Variables();
        variables[variable] = "notaurl";

        CliRun fromVariable = await ExtractAsync(variables, "--out", _temp.Combine("evidence"));
        CliRun fromFlag = await ExtractAsync(Variables(), "--out", _temp.Combine("evidence"), "--endpoint-url", "notaurl");

        Assert.Equal(ExitCodes.InvalidInput, fromFlag.ExitCode);
        Assert.Equal(ExitCodes.InvalidInput, fromVariable.ExitCode);
        Assert.Equal($"soxauto: {variable}='notaurl' is not an http:// or https:// URL; fix or unset it\n", fromVariable.Error[fromVariable.Error.IndexOf("soxauto: ", StringComparison.Ordinal)..]);
        Assert.False(Directory.Exists(_temp.Combine("evidence")));
    }

    [Fact]
    public async Task Profile_WhenItDoesNotExist_Exits2LikeLogin()
    {
        CliRun run = await ExtractAsync(Variables(), "--out", _temp.Combine("evidence"), "--profile", "soxauto-test-no-such-profile");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("AWS profile 'soxauto-test-no-such-profile' (from --profile) was not found", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("evidence")));
    }

    // Keys and a region as a scheduler would set them; every AWS endpoint is a loopback port nobody listens on.
    private static Dictionary<string, string> Variables() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}",
    };

    private Task<CliRun> ExtractAsync(Dictionary<string, string> variables, params string[] args) =>
        CliRun.RunAsync(["extract", "--cutoff", "2025-09-30", "--catalog", _catalog.Path, .. args], variables);
}
