using SoxAuto.Core.Catalog.Checks;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>Builds the common part of every check result, including the source query's provenance when one ran.</summary>
internal static class CheckResults
{
    public static CheckResult For(CheckDefinition definition, CheckStatus status, string message, SourceQueryResult? source) => new()
    {
        Id = definition.Id,
        Kind = definition.Kind,
        Status = status,
        Description = definition.Description,
        Message = message,
        Query = source?.QueryString,
        QueryParameters = source?.ExecutionParameters,
        ExecutionId = source?.Execution?.ExecutionId,
    };
}
