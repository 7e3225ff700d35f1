using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Tests.Athena;

/// <summary>Passes every call to the real client and remembers the ids of the executions it started.</summary>
internal sealed class RecordingAthenaClient(IAthenaClient inner) : IAthenaClient
{
    public List<string> Started { get; } = [];

    public async Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        StartQueryExecutionResponse response = await inner.StartQueryExecutionAsync(request, cancellationToken);
        Started.Add(response.QueryExecutionId);
        return response;
    }

    public Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken) =>
        inner.GetQueryExecutionAsync(request, cancellationToken);

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken) =>
        inner.GetQueryResultsAsync(request, cancellationToken);

    public Task StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken) =>
        inner.StopQueryExecutionAsync(request, cancellationToken);

    public Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken) =>
        inner.GetWorkGroupAsync(request, cancellationToken);

    public Task<ListDatabasesResponse> ListDatabasesAsync(ListDatabasesRequest request, CancellationToken cancellationToken) =>
        inner.ListDatabasesAsync(request, cancellationToken);

    public Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken) =>
        inner.GetDatabaseAsync(request, cancellationToken);
}
