namespace SoxAuto.Testing;

/// <summary>The demo lake of scripts/demo-lake/generate.py, generated into a temp folder (deterministic for a seed).</summary>
public sealed class DemoLake : IDisposable
{
    private readonly TempDirectory _folder = new("soxauto-lake");

    public DemoLake(int? seed = null)
    {
        List<string> arguments = [RepositoryRoot.Combine("scripts", "demo-lake", "generate.py"), "--out", _folder.Path];
        if (seed is { } value)
        {
            arguments.AddRange(["--seed", value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        using ExternalProcess generator = ExternalProcess.Start("python3", arguments, "Python 3 is expected on this machine image");
        if (!generator.WaitForExit(TimeSpan.FromSeconds(120), out int exitCode) || exitCode != 0)
        {
            throw new InvalidOperationException($"the demo-lake generator failed (exit {exitCode}):\n{generator.Log}");
        }
    }

    public string Path => _folder.Path;

    public void Dispose() => _folder.Dispose();
}
