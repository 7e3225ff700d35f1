namespace SoxAuto.Aws.Athena.Model;

/// <summary>The Athena engine that ran the query.</summary>
public sealed record EngineVersion
{
    public string? SelectedEngineVersion { get; init; }

    public string? EffectiveEngineVersion { get; init; }
}
