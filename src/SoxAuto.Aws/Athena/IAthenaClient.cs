using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Athena;

/// <summary>
/// The Athena operations SoxAuto uses, shaped like AWSSDK.Athena's <c>IAmazonAthena</c> so the official package can
/// replace <c>AthenaClient</c> in one place. Errors surface as <see cref="AthenaException"/> subtypes.
/// </summary>
public interface IAthenaClient
{
    Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken);

    Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken);

    Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken);

    Task StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken);

    Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken);

    Task<ListDatabasesResponse> ListDatabasesAsync(ListDatabasesRequest request, CancellationToken cancellationToken);

    Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken);
}
