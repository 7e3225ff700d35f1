namespace SoxAuto.Core.Sql;

/// <summary>What <see cref="SqlStatementAnalyzer"/> learned about one query: its findings and the named parameters it uses.</summary>
public sealed record SqlAnalysis(IReadOnlyList<SqlFinding> Findings, IReadOnlyList<SqlToken> NamedParameters)
{
    public IEnumerable<string> ParameterNames => NamedParameters.Select(t => t.ParameterName).Distinct(StringComparer.Ordinal);
}
