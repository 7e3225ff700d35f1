using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Runs;
using SoxAuto.Core.Sql;
using SoxAuto.Core.Validation;

namespace SoxAuto.Core.Execution;

/// <summary>
/// Runs one catalog item: binds and renders its queries, starts the checks' source queries alongside the main query,
/// streams the main result once through the evidence writer and the checks, then writes the package. Any failure
/// makes the item ERROR (never PASS) without stopping other items; cancellation stops everything.
/// </summary>
internal sealed class ItemRunner(IQueryEngine engine, ICheckSuiteFactory checks, IRunEvidenceWriter evidence, TimeProvider time, IProgress<ItemProgress> progress)
{
    public async Task<ItemOutcome> RunAsync(CatalogItem item, ExtractionPlan plan, CancellationToken cancellationToken)
    {
        DateTimeOffset startedAt = time.GetUtcNow();
        List<QueryExecutionInfo> executions = [];
        try
        {
            return await RunCoreAsync(item, plan, startedAt, executions, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A timeout inside an SDK surfaces as OperationCanceledException too; only the run's own token means "cancelled".
            progress.Report(new ItemProgress(item.Id, ItemPhase.Done, "ERROR: " + ex.Message));
            return new ItemOutcome(item.Id, ItemStatus.Error, null, 0, 0, 0, 0, ex.Message);
        }
    }

    private async Task<ItemOutcome> RunCoreAsync(CatalogItem item, ExtractionPlan plan, DateTimeOffset startedAt,
        List<QueryExecutionInfo> executions, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, BoundParameter> parameters = ParameterBinder.Bind(item, plan.Values);
        string? database = item.Databases.Count > 0 ? plan.Settings.PhysicalDatabase(item.Databases[0]) : null;
        RenderedQuery main = QueryRenderer.Render(item.Query.Sql, parameters, plan.Settings.Databases);
        ResultSchema schema = new(item.Columns.Select(c => new ColumnSchema(c.Name, c.Type)).ToArray());
        ICheckSuite suite = checks.Create(item, schema, parameters.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal), plan.Values.Cutoff);

        // Independent source queries run concurrently with the main query; each failure becomes that check's ERROR.
        // They get their own token so that a failed main path stops them rather than leaving them running (and billing).
        using CancellationTokenSource sourcesCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        List<(string CheckId, Task<SourceQueryResult> Result)> sources = suite.SourceQueries
            .Select(q => (q.CheckId, SourceQueryRunner.RunAsync(engine, q.CheckId,
                SourceQueryRunner.Request($"{item.Id} check {q.CheckId}", QueryRenderer.Render(q.Query.Sql, parameters, plan.Settings.Databases), database, plan.Settings.AthenaCatalog),
                sourcesCancellation.Token)))
            .ToList();
        try
        {
            progress.Report(new ItemProgress(item.Id, ItemPhase.Querying));
            QueryExecutionInfo execution = await engine.ExecuteAsync(
                SourceQueryRunner.Request($"{item.Id} main query", main, database, plan.Settings.AthenaCatalog), cancellationToken);
            executions.Add(execution);
            IReadOnlyList<ResultColumn> columns = await engine.GetColumnsAsync(execution, cancellationToken);
            if (ColumnMatcher.Mismatch(item.Columns, columns) is { } mismatch)
            {
                throw new InvalidDataException(mismatch);
            }

            // A query-based witness must know its keys before the first row (so only they are kept in memory).
            if (suite is IEarlySourceResults early)
            {
                foreach ((string checkId, Task<SourceQueryResult> result) in sources.Where(s => early.NeededBeforeRows.Contains(s.CheckId)))
                {
                    early.Provide(await result);
                }
            }

            progress.Report(new ItemProgress(item.Id, ItemPhase.Reading, execution.ExecutionId));
            await using IItemEvidenceWriter package = evidence.BeginItem(item, schema);
            ResultReadSummary read;
            ResultLocation location;
            await using (OpenedResult result = await engine.OpenResultAsync(execution, columns, cancellationToken))
            {
                location = result.Location;
                read = await ResultReader.ReadAsync(result.Content, schema, [package.RowConsumer, suite.RowConsumer], [package.RawConsumer], cancellationToken);
            }

            progress.Report(new ItemProgress(item.Id, ItemPhase.Checking, null, read.Rows));
            SourceQueryResult[] sourceResults = await Task.WhenAll(sources.Select(s => s.Result));
            executions.AddRange(sourceResults.Select(r => r.Execution).OfType<QueryExecutionInfo>());
            IReadOnlyList<CheckResult> results = suite.Complete(read.Rows, sourceResults);
            string? coverageGap = EvidenceCoverage.Gap(item, results);
            ItemStatus status = coverageGap is null ? StatusOf(results) : ItemStatus.Error;

            progress.Report(new ItemProgress(item.Id, ItemPhase.Packaging, null, read.Rows));
            PackageInfo written = await package.CompleteAsync(new ItemEvidence
            {
                Item = item,
                Query = main,
                Executions = executions,
                Result = location,
                Checks = results,
                Status = status,
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow(),
                Warnings = [.. Warnings(plan, executions, location), .. coverageGap is null ? Array.Empty<string>() : [coverageGap]],
            }, cancellationToken);
            progress.Report(new ItemProgress(item.Id, ItemPhase.Done, status.ToString().ToUpperInvariant(), read.Rows));
            return new ItemOutcome(item.Id, status, written,
                results.Count(r => r.Status == CheckStatus.Pass), results.Count(r => r.Status == CheckStatus.Fail),
                results.Count(r => r.Status == CheckStatus.Error), results.Count(r => r.Status == CheckStatus.Skipped),
                status == ItemStatus.Error ? FirstError(results) ?? coverageGap : null);
        }
        finally
        {
            // On success every source query has already finished and this cancels nothing. On failure the remaining
            // ones are stopped, and awaited so that none outlives the item unobserved.
            await sourcesCancellation.CancelAsync();
            await Task.WhenAll(sources.Select(s => s.Result.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
    }

    /// <summary>An unevaluated check makes the item ERROR (it is never a pass); otherwise any FAIL makes it FAIL.</summary>
    internal static ItemStatus StatusOf(IReadOnlyList<CheckResult> results) =>
        results.Any(r => r.Status == CheckStatus.Error) ? ItemStatus.Error
        : results.Any(r => r.Status == CheckStatus.Fail) ? ItemStatus.Fail
        : ItemStatus.Pass;

    private static string? FirstError(IReadOnlyList<CheckResult> results) =>
        results.FirstOrDefault(r => r.Status == CheckStatus.Error) is { } error ? $"check {error.Id}: {error.Message}" : null;

    private static List<string> Warnings(ExtractionPlan plan, List<QueryExecutionInfo> executions, ResultLocation location)
    {
        List<string> warnings = [];
        if (!CutoffDate.IsMonthEnd(plan.Values.Cutoff))
        {
            warnings.Add($"the cutoff {plan.Values} is not the last day of a month");
        }

        if (executions.Count > 0 && executions[0].ReusedPreviousResult)
        {
            warnings.Add($"Athena answered the main query from an earlier result (result reuse); execution {executions[0].ExecutionId}");
        }

        if (location.ReadVia == ResultLocation.ViaApi)
        {
            warnings.Add("the result was read through GetQueryResults (managed or client-side encrypted results), not from an S3 file");
        }

        return warnings;
    }
}
