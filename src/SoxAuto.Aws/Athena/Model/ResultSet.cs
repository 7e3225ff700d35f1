namespace SoxAuto.Aws.Athena.Model;

/// <summary>A page of rows. For a SELECT, the first row of the first page holds the column names.</summary>
public sealed record ResultSet
{
    public IReadOnlyList<Row> Rows { get; init; } = [];

    public ResultSetMetadata? ResultSetMetadata { get; init; }
}
