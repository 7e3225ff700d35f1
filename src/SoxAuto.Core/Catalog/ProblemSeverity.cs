namespace SoxAuto.Core.Catalog;

public enum ProblemSeverity
{
    /// <summary>The catalog cannot be used as it is.</summary>
    Error,

    /// <summary>Probably a mistake, but the catalog still works.</summary>
    Warning,
}
