using SoxAuto.Cli.Tests.TestSupport;
using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests.Commands;

/// <summary>
/// extract checks what the user gave it before any AWS call: a mistake is exit 2 naming the option or variable, its
/// value and the fix — not an "internal error" or an ERROR per item after queries were started. AWS here is a closed
/// loopback port, so a test that got as far as calling AWS would show a caller-identity WARNING.
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

    [Fact]
    public async Task Out_WhenItIsAnExistingFile_Exits2NamingOutAndThePath()
    {
        string file = _temp.Combine("evidence.txt");
        File.WriteAllText(file, "not a folder");

        CliRun run = await ExtractAsync(Variables(), "--out", file);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"--out '{file}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("is a file", run.Error, StringComparison.Ordinal);
        AssertNothingWasSent(run);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public async Task Out_WhenAFolderOnTheWayIsAFile_Exits2NamingOutAndThePath()
    {
        string file = _temp.Combine("evidence.txt");
        File.WriteAllText(file, "not a folder");
        string under = Path.Combine(file, "runs");

        CliRun run = await ExtractAsync(Variables(), "--out", under);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"--out '{under}'", run.Error, StringComparison.Ordinal);
        Assert.Contains(file, run.Error.Replace($"--out '{under}'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        AssertNothingWasSent(run);
    }

    [Fact]
    public async Task Out_WhenTheFolderCannotBeWritten_Exits2NamingOutAndThePath()
    {
        // /proc refuses new entries even to root, which file modes would not (the tests may run as root).
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string unwritable = "/proc/soxauto-evidence";

        CliRun run = await ExtractAsync(Variables(), "--out", unwritable);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"--out '{unwritable}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("cannot be written", run.Error, StringComparison.Ordinal);
        AssertNothingWasSent(run);
    }

    [Fact]
    public async Task OutputLocationVariable_WhenNotAnS3Uri_Exits2NamingTheVariableAndTheValue()
    {
        Dictionary<string, string> variables = Variables();
        variables["SOXAUTO_OUTPUT_LOCATION"] = "my-bucket/results";

        CliRun run = await ExtractAsync(variables, "--out", _temp.Combine("evidence"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("SOXAUTO_OUTPUT_LOCATION='my-bucket/results' is not an S3 URI", run.Error, StringComparison.Ordinal);
        AssertNothingWasSent(run);
        Assert.False(Directory.Exists(_temp.Combine("evidence")));
    }

    [Fact]
    public async Task OutputLocationVariable_IsNotCheckedWhenTheFlagGivesTheLocation()
    {
        Dictionary<string, string> variables = Variables();
        variables["SOXAUTO_OUTPUT_LOCATION"] = "my-bucket/results";
        File.WriteAllText(_temp.Combine("evidence.txt"), "not a folder");

        // The unwritable --out stops the run before AWS; what matters is which complaint it makes.
        CliRun run = await ExtractAsync(variables, "--out", _temp.Combine("evidence.txt", "runs"), "--output-location", "s3://flag-bucket/prefix/");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.DoesNotContain("SOXAUTO_OUTPUT_LOCATION", run.Error, StringComparison.Ordinal);
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

    private static void AssertNothingWasSent(CliRun run)
    {
        Assert.DoesNotContain("WARNING", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
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
