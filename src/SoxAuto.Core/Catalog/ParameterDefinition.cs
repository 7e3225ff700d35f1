namespace SoxAuto.Core.Catalog;

/// <summary>
/// A named, typed query parameter. Its value comes either from a run value (<see cref="From"/>: the cutoff date, a
/// date derived from it, or a value of the settings file) or from a literal written in the catalog (<see cref="Value"/>).
/// </summary>
public sealed record ParameterDefinition(
    string Name,
    ParameterType Type,
    string? From,
    ParameterValue? Value,
    string? Description,
    SourceLocation Location);
