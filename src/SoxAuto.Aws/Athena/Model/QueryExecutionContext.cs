namespace SoxAuto.Aws.Athena.Model;

/// <summary>The database and data catalog a query runs in.</summary>
public sealed record QueryExecutionContext
{
    public string? Database { get; init; }

    public string? Catalog { get; init; }
}
