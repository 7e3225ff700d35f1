using System.Globalization;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;
using SoxAuto.Aws.Storage;

namespace SoxAuto.Aws.Access;

/// <summary>
/// Probe 6 (only with <c>--query</c>): <c>SELECT 1</c> end to end — started with a fresh ClientRequestToken, polled to
/// SUCCEEDED, and its result file read from the location GetQueryExecution reports (never a key we build) and compared
/// byte for byte with Athena's CSV: <c>"_col0"\n"1"\n</c>. With managed query results the rows come from
/// GetQueryResults instead. A query still running when time runs out or the user cancels is stopped.
/// </summary>
public sealed class QueryProbe : IAccessProbe
{
    public const string ProbeName = "query";
    public const string ExpectedCsv = "\"_col0\"\n\"1\"\n";

    public string Name => ProbeName;

    public IReadOnlyList<string> Needs => [CredentialsProbe.ProbeName, CallerIdentityProbe.ProbeName, WorkgroupProbe.ProbeName, OutputLocationProbe.ProbeName];

    public TimeSpan Timeout => TimeSpan.FromSeconds(60);

    public string TimeoutFix => "SELECT 1 did not finish within 60 s (it was stopped); the workgroup may be queueing queries — check its capacity, then try again";

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
        string executionId;
        try
        {
            executionId = (await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
            {
                QueryString = "SELECT 1",
                ClientRequestToken = Guid.NewGuid().ToString("N"),
                WorkGroup = context.Settings.Workgroup,
                ResultConfiguration = managed || enforced || context.OutputLocation is null ? null : new ResultConfiguration { OutputLocation = context.OutputLocation },
            }, cancellationToken)).QueryExecutionId;
        }
        catch (AthenaException ex)
        {
            return ProbeResult.Fail(Name, $"StartQueryExecution was refused ({ex.ErrorCode}: {ex.Message})",
                $"the role needs athena:StartQueryExecution on workgroup/{context.Settings.Workgroup}");
        }

        QueryExecution execution = await WaitAsync(athena, executionId, context.Time, cancellationToken);
        if (execution.Status.State != QueryExecutionStates.Succeeded)
        {
            string reason = execution.Status.StateChangeReason ?? execution.Status.AthenaError?.ErrorMessage ?? "no reason given";
            return ProbeResult.Fail(Name, $"query {executionId} ended {execution.Status.State}: {reason}",
                "check the workgroup's settings and the role's Athena and S3 permissions");
        }

        return managed
            ? await CheckApiResultAsync(athena, executionId, cancellationToken)
            : await CheckResultFileAsync(context.S3(), execution, cancellationToken);
    }

    private static async Task<QueryExecution> WaitAsync(IAthenaClient athena, string executionId, TimeProvider time, CancellationToken cancellationToken)
    {
        TimeSpan wait = TimeSpan.Zero;
        try
        {
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
        catch (OperationCanceledException)
        {
            // Time ran out or the user pressed Ctrl+C: don't leave the query running (and billing).
            using CancellationTokenSource stop = new(TimeSpan.FromSeconds(10));
            try
            {
                await athena.StopQueryExecutionAsync(new StopQueryExecutionRequest { QueryExecutionId = executionId }, stop.Token);
            }
            catch (Exception ex) when (ex is AthenaException or OperationCanceledException)
            {
                // Best effort; the original cancellation is what matters.
            }

            throw;
        }
    }

    private ProbeResult Mismatch(string executionId, string where, string actual) => ProbeResult.Fail(Name,
        $"query {executionId} SUCCEEDED but {where} holds {Quote(actual)}, not {Quote(ExpectedCsv)}",
        "Athena's result format differs from what soxauto reads; report this with the query id");

    private async Task<ProbeResult> CheckResultFileAsync(IAmazonS3 s3, QueryExecution execution, CancellationToken cancellationToken)
    {
        string? location = execution.ResultConfiguration?.OutputLocation;
        if (location is null)
        {
            return ProbeResult.Fail(Name, $"query {execution.QueryExecutionId} SUCCEEDED but Athena reported no result file",
                "check the workgroup's output location");
        }

        S3Uri uri = S3Uri.Parse(location);
        string text;
        try
        {
            using GetObjectResponse response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = uri.Bucket, Key = uri.Key }, cancellationToken);
            using StreamReader reader = new(response.ResponseStream, new UTF8Encoding(false));
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (AmazonS3Exception ex)
        {
            return ProbeResult.Fail(Name, $"query {execution.QueryExecutionId} SUCCEEDED but its result {location} could not be read ({ex.ErrorCode ?? ex.StatusCode.ToString()})",
                $"the role needs s3:GetObject on arn:aws:s3:::{uri.Bucket}/{uri.Key}");
        }

        return string.Equals(text, ExpectedCsv, StringComparison.Ordinal)
            ? ProbeResult.Pass(Name, $"SELECT 1 ran as query {execution.QueryExecutionId}; result {location} read back as expected")
            : Mismatch(execution.QueryExecutionId, location, text);
    }

    private async Task<ProbeResult> CheckApiResultAsync(IAthenaClient athena, string executionId, CancellationToken cancellationToken)
    {
        GetQueryResultsResponse results = await athena.GetQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = executionId }, cancellationToken);
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
