namespace SoxAuto.Cli.Tests.TestSupport;

/// <summary>Tests that change process-wide environment variables (HOME, AWS_CONFIG_FILE, endpoints) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialEnvironment
{
    public const string Name = "process environment";
}
