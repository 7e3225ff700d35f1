namespace SoxAuto.Aws.Athena.Model;

/// <summary>AmazonAthena.StartQueryExecution. ClientRequestToken is required outside the AWS SDKs: one fresh token per logical execution, reused only by retries of the same call.</summary>
public sealed record StartQueryExecutionRequest
{
    public required string QueryString { get; init; }

    public required string ClientRequestToken { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public string? WorkGroup { get; init; }

    public IReadOnlyList<string>? ExecutionParameters { get; init; }

    public ResultReuseConfiguration? ResultReuseConfiguration { get; init; }
}
