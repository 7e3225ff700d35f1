namespace SoxAuto.Aws.Athena.Model;

/// <summary>What an execution cost and how long it took.</summary>
public sealed record QueryExecutionStatistics
{
    public long? EngineExecutionTimeInMillis { get; init; }

    public long? DataScannedInBytes { get; init; }

    public long? TotalExecutionTimeInMillis { get; init; }

    public long? QueryQueueTimeInMillis { get; init; }

    public long? QueryPlanningTimeInMillis { get; init; }

    public long? ServiceProcessingTimeInMillis { get; init; }

    public ResultReuseInformation? ResultReuseInformation { get; init; }
}
