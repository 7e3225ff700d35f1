using System.Collections.Concurrent;
using System.Text;
using SoxAuto.Core.Execution;

namespace SoxAuto.Core.Tests.Execution;

/// <summary>
/// An engine that answers each query (matched by a fragment of its text) with canned columns and CSV, or a failure;
/// it records what it was asked and how many queries ran at once.
/// </summary>
internal sealed class FakeQueryEngine : IQueryEngine
{
    private readonly List<(string Fragment, Func<QueryRequest, CancellationToken, Task<(ResultColumn[] Columns, string Csv)>> Answer)> _answers = [];
    private readonly ConcurrentDictionary<string, (ResultColumn[] Columns, string Csv)> _results = new();
    private int _running;
    private int _id;

    public ConcurrentQueue<QueryRequest> Requests { get; } = new();

    public int MaxConcurrent { get; private set; }

    public FakeQueryEngine When(string fragment, ResultColumn[] columns, string csv, TimeSpan? delay = null)
    {
        _answers.Add((fragment, async (_, _) =>
        {
            if (delay is { } wait)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            return (columns, csv);
        }));
        return this;
    }

    public FakeQueryEngine Fails(string fragment, string message)
    {
        _answers.Add((fragment, (_, _) => throw new InvalidOperationException(message)));
        return this;
    }

    /// <summary>The query never finishes on its own: it waits until its token is cancelled, and records that.</summary>
    public FakeQueryEngine Hangs(string fragment)
    {
        _answers.Add((fragment, async (request, cancellationToken) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.Enqueue(request.Purpose);
                throw;
            }

            throw new InvalidOperationException("unreachable");
        }));
        return this;
    }

    /// <summary>The purposes of queries whose token was cancelled while they ran.</summary>
    public ConcurrentQueue<string> Cancelled { get; } = new();

    public async Task<QueryExecutionInfo> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        int now = Interlocked.Increment(ref _running);
        lock (_answers)
        {
            MaxConcurrent = Math.Max(MaxConcurrent, now);
        }

        try
        {
            var answer = _answers.First(a => request.QueryString.Contains(a.Fragment, StringComparison.Ordinal)).Answer;
            (ResultColumn[] columns, string csv) = await answer(request, cancellationToken);
            string id = "q-" + Interlocked.Increment(ref _id);
            _results[id] = (columns, csv);
            return new QueryExecutionInfo { Purpose = request.Purpose, ExecutionId = id, State = "SUCCEEDED", OutputLocation = $"s3://fake/{id}.csv" };
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public Task<IReadOnlyList<ResultColumn>> GetColumnsAsync(QueryExecutionInfo execution, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ResultColumn>>(_results[execution.ExecutionId].Columns);

    public Task<OpenedResult> OpenResultAsync(QueryExecutionInfo execution, IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken) =>
        Task.FromResult(new OpenedResult(new MemoryStream(Encoding.UTF8.GetBytes(_results[execution.ExecutionId].Csv)),
            new ResultLocation(execution.OutputLocation!, 1, "\"etag\"", ResultLocation.ViaStorage)));
}
