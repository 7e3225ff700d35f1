namespace SoxAuto.Core.Catalog;

/// <summary>One finding about the catalog: what is wrong, where, under which rule, and how to fix it.</summary>
public sealed record CatalogProblem(ProblemSeverity Severity, string RuleId, SourceLocation Location, string Message, string Hint)
{
    public static CatalogProblem Error(string ruleId, SourceLocation location, string message, string hint) =>
        new(ProblemSeverity.Error, ruleId, location, message, hint);

    public static CatalogProblem Warning(string ruleId, SourceLocation location, string message, string hint) =>
        new(ProblemSeverity.Warning, ruleId, location, message, hint);

    public override string ToString() =>
        $"{Location}: {(Severity == ProblemSeverity.Error ? "error" : "warning")} {RuleId}: {Message}" +
        (string.IsNullOrEmpty(Hint) ? string.Empty : $" ({Hint})");
}
