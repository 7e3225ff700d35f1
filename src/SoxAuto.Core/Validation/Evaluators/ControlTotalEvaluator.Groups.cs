using System.Numerics;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>The per-group comparison: the source returns the group columns, then the total.</summary>
internal sealed partial class ControlTotalEvaluator
{
    private CheckResult CompleteByGroup(SourceQueryResult source)
    {
        if (ReadSourceGroups(source, out Dictionary<byte[], (IReadOnlyList<string?> Values, ScaledDecimal Total, bool IsNull)> expected) is { } problem)
        {
            return Result(CheckStatus.Error, $"The source totals{Scope} could not be read: {problem}.", source);
        }

        int scale = new[] { _scale, _check.Tolerance.Scale }.Concat(expected.Values.Select(e => e.Total.Scale)).Max();
        BigInteger tolerance = Widen(_check.Tolerance.Unscaled, _check.Tolerance.Scale, scale);
        List<GroupComparison> groups = [];
        foreach ((byte[] key, GroupTotal group) in _byGroup)
        {
            BigInteger actual = Widen(group.Sum.Total, _scale, scale);
            if (expected.Remove(key, out (IReadOnlyList<string?> Values, ScaledDecimal Total, bool IsNull) sourceGroup))
            {
                BigInteger wanted = Widen(sourceGroup.Total.Unscaled, sourceGroup.Total.Scale, scale);
                // A NULL total means the source's group summed no values: extract values there differ, whatever they add to.
                bool sourceSummedNothing = sourceGroup.IsNull && group.Sum.Count > 0;
                groups.Add(new GroupComparison(group.Values, wanted, actual, sourceSummedNothing || BigInteger.Abs(actual - wanted) > tolerance)
                {
                    SourceIsNull = sourceGroup.IsNull,
                });
            }
            else
            {
                groups.Add(new GroupComparison(group.Values, null, actual, Differs: true));
            }
        }

        groups.AddRange(expected.Values.Select(e => new GroupComparison(e.Values, Widen(e.Total.Unscaled, e.Total.Scale, scale), null, Differs: true)));
        groups.Sort((a, b) => a.Differs != b.Differs ? (a.Differs ? -1 : 1) : string.CompareOrdinal(a.Display, b.Display));
        int differing = groups.Count(g => g.Differs);
        BigInteger expectedTotal = groups.Aggregate(BigInteger.Zero, (sum, g) => sum + (g.Expected ?? BigInteger.Zero));
        string totals = $"extract {CheckFormat.Amount(_total.Total, _scale)}, source {CheckFormat.Amount(expectedTotal, scale)}";
        string message = differing > 0
            ? $"Σ {ColumnName}{Scope} differs from the source for {CheckFormat.Count(differing)} of {CheckFormat.Of(groups.Count, "group", "groups")}: " +
                CheckFormat.FirstFew(groups.Where(g => g.Differs).Select(g => Describe(g, scale)).ToArray()) + $". Overall: {totals}."
            : groups.Count == 0 ? $"Neither the extract nor the source has a group{Scope}."
            : $"Σ {ColumnName}{Scope} matches the source in {(groups.Count == 1 ? "the one group" : $"each of the {CheckFormat.Count(groups.Count)} groups")}" +
                (_check.Tolerance.IsZero ? string.Empty : $" within the tolerance of {CheckFormat.Amount(_check.Tolerance)}") + $" ({totals}).";
        return Result(differing > 0 ? CheckStatus.Fail : CheckStatus.Pass, message + NullNote(), source) with
        {
            Expected = ScaledDecimal.Format(expectedTotal, scale),
            Actual = ScaledDecimal.Format(_total.Total, _scale),
            Tolerance = _check.Tolerance.ToString(),
            Details = groups.Take(_detailLimit).Select(g => Detail(g, scale)).ToArray(),
            FailingRows = differing,
        };
    }

    private static string Describe(GroupComparison group, int scale) => (group.Expected, group.Actual) switch
    {
        (null, { } actual) => $"{group.Display} is not in the source (extract {CheckFormat.Amount(actual, scale)})",
        _ when group.SourceIsNull => $"{group.Display} extract {CheckFormat.Amount(group.Actual!.Value, scale)} vs source NULL (the source summed no values)",
        ({ } expected, null) => $"{group.Display} is not in the extract (source {CheckFormat.Amount(expected, scale)})",
        _ => $"{group.Display} extract {CheckFormat.Amount(group.Actual!.Value, scale)} vs source {CheckFormat.Amount(group.Expected!.Value, scale)} " +
            $"({CheckFormat.Difference(group.Difference, scale)})",
    };

    private Dictionary<string, string?> Detail(GroupComparison group, int scale)
    {
        Dictionary<string, string?> detail = new(StringComparer.Ordinal);
        for (int i = 0; i < _groups.Length; i++)
        {
            detail[_schema.Columns[_groups[i]].Name] = group.Values[i];
        }

        detail["expected"] = group.Expected is { } expected && !group.SourceIsNull ? ScaledDecimal.Format(expected, scale) : null;
        detail["actual"] = group.Actual is { } actual ? ScaledDecimal.Format(actual, scale) : null;
        detail["difference"] = ScaledDecimal.Format(group.Difference, scale);
        detail["status"] = group.Expected is null ? "missing in source" : group.Actual is null ? "missing in extract" : group.Differs ? "differs" : "matches";
        return detail;
    }

    private string? ReadSourceGroups(SourceQueryResult source, out Dictionary<byte[], (IReadOnlyList<string?> Values, ScaledDecimal Total, bool IsNull)> groups)
    {
        groups = new(ByteKeyComparer.Instance);
        string expectedShape = $"the group_by columns ({string.Join(", ", _groups.Select(g => _schema.Columns[g].Name))}) then the total";
        if (source.Columns.Count != _groups.Length + 1)
        {
            return $"it must return {expectedShape}; it returned {source.Columns.Count} column(s){SourceRows.Names(source)}";
        }

        for (int i = 0; i < _groups.Length; i++)
        {
            if (!string.Equals(source.Columns[i].Name, _schema.Columns[_groups[i]].Name, StringComparison.OrdinalIgnoreCase))
            {
                return $"its column {i + 1} is {source.Columns[i].Name}; it must return {expectedShape}";
            }
        }

        AthenaType? totalType = SourceRows.TypeOf(source.Columns[^1]);
        if (totalType is null || totalType.Kind is not (ColumnKind.Integer or ColumnKind.Decimal))
        {
            return $"the total column {source.Columns[^1].Name} is {source.Columns[^1].Type}; a control total is compared exactly, so it must be decimal or integer";
        }

        KeyBuffer key = new();
        for (int r = 0; r < source.Rows.Count; r++)
        {
            IReadOnlyList<string?> row = source.Rows[r];
            if (row.Count != source.Columns.Count)
            {
                return $"row {r + 1} has {row.Count} values for {source.Columns.Count} columns";
            }

            key.Clear();
            for (int i = 0; i < _groups.Length; i++)
            {
                if (KeyEncoder.AppendText(key, row[i], _schema.Columns[_groups[i]].Type) is { } bad)
                {
                    return $"row {r + 1}: {bad}, but {_schema.Columns[_groups[i]].Name} is {_schema.Columns[_groups[i]].Type} in the extract";
                }
            }

            if (ReadTotal(row[^1], totalType) is not { } total)
            {
                return $"row {r + 1}: the total '{row[^1]}' is not a plain decimal number";
            }

            if (!groups.TryAdd(key.Span.ToArray(), (row.Take(_groups.Length).ToArray(), total, row[^1] is null)))
            {
                return $"row {r + 1}: group {string.Join(" / ", row.Take(_groups.Length).Select(v => v ?? "NULL"))} appears more than once; the query must GROUP BY {string.Join(", ", _groups.Select(g => _schema.Columns[g].Name))}";
            }
        }

        return null;
    }
}
