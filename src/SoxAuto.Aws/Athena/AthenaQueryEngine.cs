using System.Globalization;
using SoxAuto.Aws.Athena.Model;
using SoxAuto.Aws.Storage;
using SoxAuto.Core.Execution;

namespace SoxAuto.Aws.Athena;

/// <summary>
/// Runs queries in Athena for Core: reads the workgroup once per run, starts each query with a fresh
/// ClientRequestToken, polls with growing intervals, stops the query whenever it gives up waiting (cancelled, or any
/// error), re-submits a FAILED query only when Athena says the failure is retryable, and opens results from S3 or,
/// where S3 cannot serve them, from the API.
/// </summary>
public sealed class AthenaQueryEngine : IQueryEngine
{
    private readonly IAthenaClient _athena;
    private readonly S3ResultReader _results;
    private readonly AthenaQueryEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly PollSchedule _poll;
    private readonly Lock _planLock = new();
    private Task<WorkGroupPlan>? _plan;

    public AthenaQueryEngine(IAthenaClient athena, S3ResultReader results, AthenaQueryEngineOptions options, TimeProvider time)
        : this(athena, results, options, time, PollSchedule.Default)
    {
    }

    internal AthenaQueryEngine(IAthenaClient athena, S3ResultReader results, AthenaQueryEngineOptions options, TimeProvider time, PollSchedule poll)
    {
        _athena = athena;
        _results = results;
        _options = options;
        _time = time;
        _poll = poll;
    }

    /// <summary>How results will be handled in this run, for the execution log ("workgroup enforces its output location …").</summary>
    public async Task<string> DescribePlanAsync(CancellationToken cancellationToken) =>
        (await PlanAsync().WaitAsync(cancellationToken)).Explanation;

    public async Task<QueryExecutionInfo> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WorkGroupPlan plan = await PlanAsync().WaitAsync(cancellationToken);
        using RetryScope retries = RetryScope.Begin();
        List<string> superseded = [];
        while (true)
        {
            QueryExecution execution = await RunOnceAsync(request, plan, cancellationToken);
            QueryExecutionInfo info = ToInfo(request.Purpose, execution, plan, retries.Retries + superseded.Count, superseded);
            switch (execution.Status.State)
            {
                case QueryExecutionStates.Succeeded:
                    return info;
                case QueryExecutionStates.Failed when IsWorthResubmitting(execution.Status.AthenaError) && superseded.Count < _options.MaxResubmissions:
                    superseded.Add(execution.QueryExecutionId);
                    continue;
                default:
                    throw new QueryFailedException(info, Describe(request.Purpose, execution));
            }
        }
    }

    public async Task<IReadOnlyList<ResultColumn>> GetColumnsAsync(QueryExecutionInfo execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        GetQueryResultsResponse first = await _athena.GetQueryResultsAsync(
            new GetQueryResultsRequest { QueryExecutionId = execution.ExecutionId, MaxResults = 1 }, cancellationToken);
        IReadOnlyList<ColumnInfo> columns = first.ResultSet.ResultSetMetadata?.ColumnInfo ?? [];
        return columns.Select(c => new ResultColumn(c.Name, AthenaTypeNames.From(c))).ToArray();
    }

    public async Task<OpenedResult> OpenResultAsync(QueryExecutionInfo execution, IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(columns);
        if (execution.ResultReadableFromStorage && execution.OutputLocation is { } uri && uri.EndsWith(".csv", StringComparison.Ordinal))
        {
            return await _results.OpenAsync(uri, cancellationToken);
        }

        bool header = execution.StatementType is null or "DML";
        ApiResultStream stream = new(_athena, execution.ExecutionId, columns.Select(c => c.Name).ToArray(), header);
        return new OpenedResult(stream, new ResultLocation($"athena:{execution.ExecutionId}", null, null, ResultLocation.ViaApi));
    }

    private async Task<QueryExecution> RunOnceAsync(QueryRequest request, WorkGroupPlan plan, CancellationToken cancellationToken)
    {
        // A fresh token per logical execution; the client's retries of this one call reuse it, so Athena runs it once.
        StartQueryExecutionRequest start = new()
        {
            QueryString = request.QueryString,
            ClientRequestToken = Guid.NewGuid().ToString("N"),
            QueryExecutionContext = new QueryExecutionContext { Database = request.Database, Catalog = request.Catalog },
            ResultConfiguration = plan.ResultConfigurationToSend,
            WorkGroup = plan.WorkGroup,
            ExecutionParameters = request.ExecutionParameters.Count > 0 ? request.ExecutionParameters : null,
            ResultReuseConfiguration = _options.ResultReuseMaxAgeMinutes is { } age && plan.ResultsReadableFromStorage
                ? new ResultReuseConfiguration { ResultReuseByAgeConfiguration = new ResultReuseByAgeConfiguration { Enabled = true, MaxAgeInMinutes = age } }
                : null,
        };
        string id = await StartAsync(start, cancellationToken);
        try
        {
            TimeSpan interval = TimeSpan.Zero;
            while (true)
            {
                QueryExecution execution = (await _athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, cancellationToken)).QueryExecution;
                if (QueryExecutionStates.IsTerminal(execution.Status.State))
                {
                    return execution;
                }

                interval = _poll.Next(interval);
                await Task.Delay(interval, _time, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever ends the wait (Ctrl+C, retries used up, access denied, an expired sign-in), the query would
            // otherwise run on — and bill — unwatched.
            await AbandonedQuery.StopAsync(_athena, id, _time);
            ThrowIfCancelledInstead(ex, cancellationToken);
            throw;
        }
    }

    private async Task<string> StartAsync(StartQueryExecutionRequest start, CancellationToken cancellationToken)
    {
        // Already cancelled: nothing was sent, so there is nothing to clean up — and the clean-up would start the query.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return (await _athena.StartQueryExecutionAsync(start, cancellationToken)).QueryExecutionId;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // Cancelled in flight or in a retry wait: Athena may have started the query without our hearing its id.
            await AbandonedQuery.StopInterruptedStartAsync(_athena, start, _time);
            ThrowIfCancelledInstead(ex, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// An error that arrived together with the user's cancellation (a 5xx the retry policy no longer retries, a lost
    /// connection) is reported as the cancellation it really is, so the item is not counted as an ERROR.
    /// </summary>
    private static void ThrowIfCancelledInstead(Exception original, CancellationToken cancellationToken)
    {
        if (original is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("cancelled while waiting for Athena", original, cancellationToken);
        }
    }

    /// <summary>
    /// The workgroup is read once per run and shared by every item; a read that failed (its retries used up on a
    /// passing outage) is not kept, so the next item asks again rather than every item failing with the first error.
    /// </summary>
    private Task<WorkGroupPlan> PlanAsync()
    {
        lock (_planLock)
        {
            if (_plan is null || _plan.IsFaulted || _plan.IsCanceled)
            {
                _plan = LoadPlanAsync();
            }

            return _plan;
        }
    }

    // Not bound to one caller's token: the plan is shared, and each caller stops waiting on its own token instead.
    private async Task<WorkGroupPlan> LoadPlanAsync()
    {
        GetWorkGroupResponse response = await _athena.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = _options.WorkGroup }, CancellationToken.None);

        // Some endpoints (moto) answer an unknown workgroup with {"WorkGroup": null} rather than an error.
        WorkGroup workGroup = response.WorkGroup
            ?? throw new AthenaException("WorkGroupNotFound", $"Athena workgroup '{_options.WorkGroup}' was not found; check --workgroup, SOXAUTO_WORKGROUP or settings.yaml", null, null);
        return WorkGroupPlan.From(workGroup, _options.OutputLocation);
    }

    // ErrorType 0–8 is "query exhausted resources at this scale factor": re-running the same query fails the same way.
    private static bool IsWorthResubmitting(AthenaError? error) =>
        error is { Retryable: true } && error.ErrorType is not (>= 0 and <= 8);

    private static string Describe(string purpose, QueryExecution execution)
    {
        AthenaError? error = execution.Status.AthenaError;
        string detail = execution.Status.StateChangeReason ?? error?.ErrorMessage ?? "no reason given";
        string code = error is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" (AthenaError category {error.ErrorCategory}, type {error.ErrorType}, retryable {error.Retryable?.ToString() ?? "unknown"})");
        return $"{purpose}: Athena query {execution.QueryExecutionId} {execution.Status.State}: {detail}{code}";
    }

    private static QueryExecutionInfo ToInfo(string purpose, QueryExecution execution, WorkGroupPlan plan, int retries, IReadOnlyList<string> superseded) => new()
    {
        Purpose = purpose,
        ExecutionId = execution.QueryExecutionId,
        State = execution.Status.State,
        StateChangeReason = execution.Status.StateChangeReason ?? execution.Status.AthenaError?.ErrorMessage,
        WorkGroup = execution.WorkGroup ?? plan.WorkGroup,
        EngineVersion = execution.EngineVersion?.EffectiveEngineVersion,
        StatementType = execution.StatementType,
        DataScannedBytes = execution.Statistics?.DataScannedInBytes,
        QueueTimeMillis = execution.Statistics?.QueryQueueTimeInMillis,
        EngineTimeMillis = execution.Statistics?.EngineExecutionTimeInMillis,
        TotalTimeMillis = execution.Statistics?.TotalExecutionTimeInMillis,
        SubmittedAt = execution.Status.SubmissionDateTime,
        CompletedAt = execution.Status.CompletionDateTime,
        OutputLocation = execution.ResultConfiguration?.OutputLocation,
        ResultReadableFromStorage = plan.ResultsReadableFromStorage
            && execution.ManagedQueryResultsConfiguration?.Enabled != true
            && !string.Equals(execution.ResultConfiguration?.EncryptionConfiguration?.EncryptionOption, "CSE_KMS", StringComparison.OrdinalIgnoreCase),
        ReusedPreviousResult = execution.Statistics?.ResultReuseInformation?.ReusedPreviousResult == true,
        Retries = retries,
        SupersededExecutionIds = superseded.ToArray(),
    };
}
