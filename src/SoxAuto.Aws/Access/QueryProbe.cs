using System.Globalization;
using System.Text;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;
using SoxAuto.Aws.Storage;
using SoxAuto.Core.Execution;

namespace SoxAuto.Aws.Access;

/// <summary>
/// Probe 6 (only with <c>--query</c>): <c>SELECT 1</c> end to end — started with a fresh ClientRequestToken, polled to
/// SUCCEEDED, and its result file read from the location GetQueryExecution reports (never a key we build) and compared
/// byte for byte with Athena's CSV: <c>"_col0"\n"1"\n</c>. With managed query results the rows come from
/// GetQueryResults instead. A query the probe stops waiting for (time ran out, Ctrl+C, an error) is stopped, and the
/// report says so only when Athena accepted the stop.
/// </summary>
public sealed class QueryProbe : IAccessProbe
{
    public const string ProbeName = "query";
    public const string ExpectedCsv = "\"_col0\"\n\"1\"\n";

    public QueryProbe()
        : this(TimeSpan.FromSeconds(60))
    {
    }

    /// <summary>For tests, which cannot wait a minute for the time bound.</summary>
    internal QueryProbe(TimeSpan timeout) => Timeout = timeout;

    public string Name => ProbeName;

    public IReadOnlyList<string> Needs => [CredentialsProbe.ProbeName, CallerIdentityProbe.ProbeName, WorkgroupProbe.ProbeName, OutputLocationProbe.ProbeName];

    public TimeSpan Timeout { get; }

    // Used when time runs out while the result is read: the query has ended by then, so nothing is left to stop.
    public string TimeoutFix => $"SELECT 1 and reading its result did not finish within {Seconds} s; Athena or S3 may be slow to answer — check the network and proxy, then try again";

    private string Seconds => Timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);

    public async Task<ProbeResult> RunAsync(AccessProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.RunQuery)
        {
            return ProbeResult.Skipped(Name, "not requested; add --query to run SELECT 1 through Athena and S3");
        }

        WorkGroupConfiguration? configuration = context.WorkGroup?.Configuration;
        bool managed = configuration?.ManagedQueryResultsConfiguration?.Enabled == true;
        bool enforced = configuration?.EnforceWorkGroupConfiguration == true && configuration.ResultConfiguration?.OutputLocation is not null;
        IAthenaClient athena = context.Athena();
        StartQueryExecutionRequest start = new()
        {
            QueryString = "SELECT 1",
            ClientRequestToken = Guid.NewGuid().ToString("N"),
            WorkGroup = context.Settings.Workgroup,
            ResultConfiguration = managed || enforced || context.OutputLocation is null ? null : new ResultConfiguration { OutputLocation = context.OutputLocation },
        };
        string executionId;
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            executionId = (await athena.StartQueryExecutionAsync(start, cancellationToken)).QueryExecutionId;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // Cancelled while starting: Athena may have started the query without our hearing its id.
            string? stopped = await AbandonedQuery.StopInterruptedStartAsync(athena, start, context.Time);
            throw new ProbeCancelledException(stopped is null ? StartUnknownFix(context) : StoppedFix(stopped), ex, cancellationToken);
        }
        catch (AthenaException ex)
        {
            return ProbeResult.Fail(Name, $"StartQueryExecution was refused ({ex.ErrorCode}: {ex.Message})",
                $"the role needs athena:StartQueryExecution on workgroup/{context.Settings.Workgroup}");
        }

        QueryExecution execution;
        try
        {
            execution = await WaitAsync(athena, executionId, context.Time, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever ended the wait (time ran out, Ctrl+C, access denied), don't leave the query running (and billing).
            bool stopped = await AbandonedQuery.StopAsync(athena, executionId, context.Time);
            if (cancellationToken.IsCancellationRequested)
            {
                throw new ProbeCancelledException(stopped ? StoppedFix(executionId) : NotStoppedFix(executionId), ex, cancellationToken);
            }

            if (ex is AthenaException athenaError)
            {
                return PollFailed(context, executionId, athenaError, stopped);
            }

            throw;
        }

        if (execution.Status.State != QueryExecutionStates.Succeeded)
        {
            string reason = execution.Status.StateChangeReason ?? execution.Status.AthenaError?.ErrorMessage ?? "no reason given";
            return ProbeResult.Fail(Name, $"query {executionId} ended {execution.Status.State}: {reason}",
                "check the workgroup's settings and the role's Athena and S3 permissions");
        }

        return managed
            ? await CheckApiResultAsync(athena, executionId, context.Settings.Workgroup, cancellationToken)
            : await CheckResultFileAsync(context.ResultReader(), execution, cancellationToken);
    }

    private static async Task<QueryExecution> WaitAsync(IAthenaClient athena, string executionId, TimeProvider time, CancellationToken cancellationToken)
    {
        TimeSpan wait = TimeSpan.Zero;
        while (true)
        {
            QueryExecution execution = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = executionId }, cancellationToken)).QueryExecution;
            if (QueryExecutionStates.IsTerminal(execution.Status.State))
            {
                return execution;
            }

            wait = PollSchedule.Default.Next(wait);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private ProbeResult PollFailed(AccessProbeContext context, string executionId, AthenaException ex, bool stopped)
    {
        string what = $"GetQueryExecution for query {executionId} failed ({ex.ErrorCode}: {ex.Message}); "
            + (stopped ? "the query was stopped" : "the query could not be stopped — stop it in the Athena console");
        return ex.ErrorCode is "AccessDeniedException"
            ? ProbeResult.Fail(Name, what, $"the role needs athena:GetQueryExecution on workgroup/{context.Settings.Workgroup}")
            : ProbeResult.Fail(Name, what, "Athena did not answer as expected; check the network, proxy and --endpoint-url / AWS_ENDPOINT_URL_ATHENA, then try again");
    }

    private string StoppedFix(string executionId) =>
        $"SELECT 1 did not finish within {Seconds} s (query {executionId} was stopped); the workgroup may be queueing queries — check its capacity, then try again";

    private string NotStoppedFix(string executionId) =>
        $"SELECT 1 did not finish within {Seconds} s and query {executionId} could not be stopped — stop it in the Athena console (the role needs athena:StopQueryExecution); the workgroup may be queueing queries — check its capacity, then try again";

    private string StartUnknownFix(AccessProbeContext context) =>
        $"StartQueryExecution did not answer within {Seconds} s, so whether SELECT 1 started is unknown — look for it among workgroup {context.Settings.Workgroup}'s recent queries in the Athena console and stop it; then check the network, proxy and --endpoint-url / AWS_ENDPOINT_URL_ATHENA";

    private ProbeResult Mismatch(string executionId, string where, string actual) => ProbeResult.Fail(Name,
        $"query {executionId} SUCCEEDED but {where} holds {Quote(actual)}, not {Quote(ExpectedCsv)}",
        "Athena's result format differs from what soxauto reads; report this with the query id");

    // Read the way extract reads (presigned ranged GETs through S3ResultReader), so a pass here means extract can read.
    private async Task<ProbeResult> CheckResultFileAsync(S3ResultReader results, QueryExecution execution, CancellationToken cancellationToken)
    {
        string? location = execution.ResultConfiguration?.OutputLocation;
        if (location is null)
        {
            return ProbeResult.Fail(Name, $"query {execution.QueryExecutionId} SUCCEEDED but Athena reported no result file",
                "check the workgroup's output location");
        }

        string text;
        try
        {
            await using OpenedResult opened = await results.OpenAsync(location, cancellationToken);
            using StreamReader reader = new(opened.Content, new UTF8Encoding(false));
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (ResultReadException ex)
        {
            S3Uri uri = S3Uri.Parse(location);
            return ProbeResult.Fail(Name, $"query {execution.QueryExecutionId} SUCCEEDED but its result could not be read: {ex.Message}",
                $"the role needs s3:GetObject on arn:aws:s3:::{uri.Bucket}/{uri.Key}");
        }

        return string.Equals(text, ExpectedCsv, StringComparison.Ordinal)
            ? ProbeResult.Pass(Name, $"SELECT 1 ran as query {execution.QueryExecutionId}; result {location} read back as expected")
            : Mismatch(execution.QueryExecutionId, location, text);
    }

    private async Task<ProbeResult> CheckApiResultAsync(IAthenaClient athena, string executionId, string workGroup, CancellationToken cancellationToken)
    {
        GetQueryResultsResponse results;
        try
        {
            results = await athena.GetQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = executionId }, cancellationToken);
        }
        catch (AthenaException ex) when (ex.ErrorCode is "AccessDeniedException")
        {
            return ProbeResult.Fail(Name, $"query {executionId} SUCCEEDED but GetQueryResults was refused ({ex.ErrorCode}: {ex.Message})",
                $"the role needs athena:GetQueryResults on workgroup/{workGroup}");
        }

        StringBuilder csv = new();
        foreach (Row row in results.ResultSet.Rows)
        {
            csv.Append(string.Join(',', row.Data.Select(d => d.VarCharValue is null ? string.Empty : $"\"{d.VarCharValue}\""))).Append('\n');
        }

        return string.Equals(csv.ToString(), ExpectedCsv, StringComparison.Ordinal)
            ? ProbeResult.Pass(Name, $"SELECT 1 ran as query {executionId}; managed results read through GetQueryResults as expected")
            : Mismatch(executionId, "GetQueryResults", csv.ToString());
    }

    private static string Quote(string text)
    {
        string shown = text.Length > 60 ? text[..60] + "…" : text;
        return "\"" + shown.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            + (text.Length > 60 ? string.Create(CultureInfo.InvariantCulture, $" ({text.Length} chars)") : string.Empty);
    }
}
