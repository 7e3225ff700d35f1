namespace SoxAuto.Core.Catalog;

/// <summary>
/// Environment settings from <c>catalog/settings.yaml</c>. Each can be overridden by an environment variable and then
/// by a command-line flag (flag &gt; environment &gt; file); <see cref="Runs.RunSettings"/> applies that order.
/// </summary>
public sealed record CatalogSettings
{
    public string? Region { get; init; }

    public string? Workgroup { get; init; }

    /// <summary>Where Athena writes results (<c>s3://bucket/prefix/</c>) unless the workgroup enforces its own.</summary>
    public string? OutputLocation { get; init; }

    /// <summary>The Athena data catalog (<c>AwsDataCatalog</c> for the Glue catalog).</summary>
    public string AthenaCatalog { get; init; } = "AwsDataCatalog";

    /// <summary>Logical database name used in the catalog's SQL → the Athena database it maps to.</summary>
    public IReadOnlyDictionary<string, string> Databases { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Named run values parameters can take with <c>from:</c> (e.g. the company list in scope).</summary>
    public IReadOnlyDictionary<string, ParameterValue> Values { get; init; } = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);

    public SourceLocation Location { get; init; }

    public static CatalogSettings Empty { get; } = new();
}
