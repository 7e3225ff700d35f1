namespace SoxAuto.Core.Evidence;

/// <summary>What is the same for every item of a run, recorded in each package's execution log and in run.json.</summary>
public sealed record RunContext
{
    public required string RunId { get; init; }

    public required DateOnly Cutoff { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string ToolVersion { get; init; }

    public required string CatalogSha256 { get; init; }

    public string? Region { get; init; }

    public string? WorkGroup { get; init; }

    public string? CallerIdentityArn { get; init; }

    /// <summary>Where each setting came from (flag, environment, settings.yaml).</summary>
    public IReadOnlyDictionary<string, string> SettingOrigins { get; init; } = new Dictionary<string, string>();
}
