namespace SoxAuto.Aws.Athena.Model;

/// <summary>Managed query results: no readable S3 file; results only through GetQueryResults.</summary>
public sealed record ManagedQueryResultsConfiguration
{
    public bool Enabled { get; init; }
}
