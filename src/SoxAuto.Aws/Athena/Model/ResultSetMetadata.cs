namespace SoxAuto.Aws.Athena.Model;

/// <summary>The result's columns.</summary>
public sealed record ResultSetMetadata
{
    public IReadOnlyList<ColumnInfo> ColumnInfo { get; init; } = [];
}
