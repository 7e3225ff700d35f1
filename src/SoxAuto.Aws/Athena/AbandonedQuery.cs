using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Athena;

/// <summary>
/// Stops a query that soxauto will no longer wait for, so it does not keep running (and billing) after an error or a
/// cancellation. Best effort and bounded: the caller's token is often already cancelled, so the clean-up has its own
/// short time limit, and any failure is swallowed — the error that made us give up is the one worth reporting.
/// </summary>
internal static class AbandonedQuery
{
    /// <summary>
    /// The whole clean-up shares this bound, so it ends well within the 15 s that Ctrl+C or SIGTERM leave the
    /// process before exit is forced.
    /// </summary>
    public static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Sends StopQueryExecution; true when Athena accepted it.</summary>
    public static async Task<bool> StopAsync(IAthenaClient athena, string executionId, TimeProvider time)
    {
        using CancellationTokenSource bound = new(CleanupTimeout, time);
        return await TryStopAsync(athena, executionId, bound.Token);
    }

    /// <summary>
    /// StartQueryExecution was interrupted, so whether Athena started the query is unknown. Re-sending the same request
    /// (the same ClientRequestToken) makes Athena return the id of the query it already started instead of starting
    /// another — or, if the first never arrived, start one that is stopped at once. Returns the id that was stopped,
    /// or null when that could not be confirmed.
    /// </summary>
    public static async Task<string?> StopInterruptedStartAsync(IAthenaClient athena, StartQueryExecutionRequest start, TimeProvider time)
    {
        using CancellationTokenSource bound = new(CleanupTimeout, time);
        string executionId;
        try
        {
            executionId = (await athena.StartQueryExecutionAsync(start, bound.Token)).QueryExecutionId;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }

        return await TryStopAsync(athena, executionId, bound.Token) ? executionId : null;
    }

    private static async Task<bool> TryStopAsync(IAthenaClient athena, string executionId, CancellationToken bound)
    {
        try
        {
            await athena.StopQueryExecutionAsync(new StopQueryExecutionRequest { QueryExecutionId = executionId }, bound);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Anything at all (no answer, access denied, expired sign-in): the query may still run, nothing more to do.
            return false;
        }
    }
}
