namespace SoxAuto.Aws.Athena.Model;

/// <summary>A result column: its name and Athena type, with precision and scale for decimals.</summary>
public sealed record ColumnInfo
{
    public required string Name { get; init; }

    public string? Label { get; init; }

    public required string Type { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    public string? Nullable { get; init; }

    public bool? CaseSensitive { get; init; }
}
