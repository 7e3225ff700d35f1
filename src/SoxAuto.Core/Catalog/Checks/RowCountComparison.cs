namespace SoxAuto.Core.Catalog.Checks;

public enum RowCountComparison
{
    /// <summary>The independent count equals the rows extracted.</summary>
    Equal,

    /// <summary>The independent count is at least the rows extracted (the source population may hold more).</summary>
    SourceAtLeastExtract,
}
