namespace SoxAuto.Aws.Athena.Model;

/// <summary>A workgroup's settings. When EnforceWorkGroupConfiguration is true its ResultConfiguration wins over the client's.</summary>
public sealed record WorkGroupConfiguration
{
    public ResultConfiguration? ResultConfiguration { get; init; }

    public bool? EnforceWorkGroupConfiguration { get; init; }

    public ManagedQueryResultsConfiguration? ManagedQueryResultsConfiguration { get; init; }

    public long? BytesScannedCutoffPerQuery { get; init; }

    public EngineVersion? EngineVersion { get; init; }
}
