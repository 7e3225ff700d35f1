namespace SoxAuto.Aws.Athena.Model;

/// <summary>The states of <see cref="QueryExecutionStatus.State"/>; the last three are terminal.</summary>
public static class QueryExecutionStates
{
    public const string Queued = "QUEUED";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";

    public static bool IsTerminal(string state) => state is Succeeded or Failed or Cancelled;
}
