namespace SoxAuto.Testing;

/// <summary>
/// Sets process-wide environment variables for one test and puts the old values back on dispose. AWSSDK.Core reads
/// HOME, AWS_CONFIG_FILE and the endpoint variables from the process itself, so tests using this must run in a
/// collection with parallelization disabled.
/// </summary>
public sealed class ProcessEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    public ProcessEnvironment(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach ((string name, string? value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach ((string name, string? value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
