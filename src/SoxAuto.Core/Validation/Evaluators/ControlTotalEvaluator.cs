using System.Numerics;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// <c>accuracy.control_total</c>: the exact sum of a decimal or integer column over the extract against an independent
/// total from the source — overall, or per group with <c>group_by</c>. Sums are exact (Int128 with a BigInteger carry),
/// so millions of amounts neither overflow nor drift. NULL amounts add nothing, as in SQL's SUM.
/// </summary>
internal sealed partial class ControlTotalEvaluator : CheckEvaluator
{
    private readonly ControlTotalCheck _check;
    private readonly ResultSchema _schema;
    private readonly int _column;
    private readonly bool _isInteger;
    private readonly int _scale;
    private readonly int[] _groups;
    private readonly ExactSum _total = new();
    private readonly KeyBuffer _key = new();
    private readonly int _detailLimit;

    // One entry per distinct group of the extract (companies, accounts, currencies): memory follows the number of
    // groups in the data, never the number of rows.
    private readonly Dictionary<byte[], GroupTotal> _byGroup = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], GroupTotal>.AlternateLookup<ReadOnlySpan<byte>> _groupLookup;
    private long _nulls;

    public ControlTotalEvaluator(ControlTotalCheck check, EvaluatorContext context)
        : base(check)
    {
        _check = check;
        _schema = context.Schema;
        _column = context.Column(check.Column, "summed column");
        AthenaType type = _schema.Columns[_column].Type;
        if (type.Kind is not (ColumnKind.Integer or ColumnKind.Decimal))
        {
            throw new CheckSetupException($"the summed column '{check.Column}' is {type}; control totals add up decimal or integer columns exactly");
        }

        _isInteger = type.Kind == ColumnKind.Integer;
        _scale = _isInteger ? 0 : type.Scale;
        _groups = check.GroupBy.Select(g => context.Column(g, "group_by column")).ToArray();
        _groupLookup = _byGroup.GetAlternateLookup<ReadOnlySpan<byte>>();
        _detailLimit = context.Options.DetailLimit;
    }

    public override bool ReadsRows => true;

    public override QueryText? SourceQuery => _check.Query;

    private string ColumnName => _schema.Columns[_column].Name;

    private string Scope => _groups.Length == 0 ? string.Empty : " per " + string.Join(", ", _groups.Select(g => _schema.Columns[g].Name));

    public override void Consume(TypedRow row)
    {
        bool isNull = row.IsNull(_column);
        Int128 value = isNull ? Int128.Zero : _isInteger ? row.GetInt64(_column) : row.GetDecimal(_column).Unscaled;
        if (isNull)
        {
            _nulls++;
        }
        else
        {
            _total.Add(value);
        }

        if (_groups.Length == 0)
        {
            return;
        }

        _key.Clear();
        foreach (int column in _groups)
        {
            KeyEncoder.Append(_key, row, column, _schema.Columns[column].Type);
        }

        if (!_groupLookup.TryGetValue(_key.Span, out GroupTotal? group))
        {
            group = NewGroup(row);
        }

        if (!isNull)
        {
            group.Sum.Add(value);
        }
    }

    // Apart from Consume: a lambda capturing the row there would allocate its closure on every call.
    private GroupTotal NewGroup(TypedRow row)
    {
        GroupTotal group = new(_groups.Select(g => row.IsNull(g) ? null : row.GetString(g)).ToArray());
        _groupLookup.TryAdd(_key.Span, group);
        return group;
    }

    public override CheckResult Complete(long extractedRows, SourceQueryResult? source) =>
        _groups.Length == 0 ? CompleteOverall(source!) : CompleteByGroup(source!);

    private CheckResult CompleteOverall(SourceQueryResult source)
    {
        if (SourceRows.Single(source, "the total", out string? text, out AthenaType? type) is { } shape)
        {
            return Result(CheckStatus.Error, $"The source total could not be read: {shape}.", source);
        }

        if (ReadTotal(text, type!) is not { } expected)
        {
            return Result(CheckStatus.Error, $"The source total could not be read: {TotalProblem(text, type!)}.", source);
        }

        // SUM is NULL only when the source summed no values at all. The extract having amounts is then a difference,
        // even when they add up to 0 (a +100 and a -100 must not tie with "nothing").
        if (text is null && _total.Count > 0)
        {
            return Result(CheckStatus.Fail,
                $"Σ {ColumnName} over the extract is {CheckFormat.Amount(_total.Total, _scale)} from {CheckFormat.Of(_total.Count, "value", "values")}, " +
                "but the source total is NULL: the source summed no values at all." + NullNote(), source) with
            {
                Expected = null,
                Actual = ScaledDecimal.Format(_total.Total, _scale),
                Tolerance = _check.Tolerance.ToString(),
            };
        }

        int scale = Math.Max(Math.Max(_scale, expected.Scale), _check.Tolerance.Scale);
        BigInteger actual = Widen(_total.Total, _scale, scale);
        BigInteger difference = actual - Widen(expected.Unscaled, expected.Scale, scale);
        bool pass = BigInteger.Abs(difference) <= Widen(_check.Tolerance.Unscaled, _check.Tolerance.Scale, scale);
        string sum = $"Σ {ColumnName} over the extract is {CheckFormat.Amount(_total.Total, _scale)}";
        string message = pass && difference.IsZero ? $"{sum}, equal to the source total."
            : pass ? $"{sum}; the source total is {CheckFormat.Amount(expected)}, within the tolerance of {CheckFormat.Amount(_check.Tolerance)} (difference {CheckFormat.Difference(difference, scale)})."
            : $"{sum} but the source total is {CheckFormat.Amount(expected)}: difference {CheckFormat.Difference(difference, scale)} (tolerance {CheckFormat.Amount(_check.Tolerance)}).";
        return Result(pass ? CheckStatus.Pass : CheckStatus.Fail, message + NullNote() + (text is null ? " The source returned NULL (it summed no values), as the extract has none." : string.Empty), source) with
        {
            Expected = expected.ToString(),
            Actual = ScaledDecimal.Format(_total.Total, _scale),
            Tolerance = _check.Tolerance.ToString(),
        };
    }

    private string NullNote() =>
        _nulls == 0 ? string.Empty : $" {CheckFormat.Count(_nulls)} NULL value(s) of {ColumnName} add nothing, as in SQL's SUM.";

    /// <summary>
    /// A source total: NULL (SUM over no values) reads as 0 — the callers fail it when the extract has values; a double
    /// or text is refused — totals compare exactly.
    /// </summary>
    private static ScaledDecimal? ReadTotal(string? text, AthenaType type)
    {
        if (type.Kind is not (ColumnKind.Integer or ColumnKind.Decimal))
        {
            return null;
        }

        if (text is null)
        {
            return ScaledDecimal.Zero(type.Kind == ColumnKind.Decimal ? type.Scale : 0);
        }

        return ScaledDecimal.TryParse(text, out ScaledDecimal total) ? total : null;
    }

    private static string TotalProblem(string? text, AthenaType type) =>
        type.Kind == ColumnKind.Double
            ? $"it is a {type}; a control total is compared exactly, so cast the source's sum to decimal (e.g. CAST(sum(x) AS decimal(38,2)))"
            : type.Kind is not (ColumnKind.Integer or ColumnKind.Decimal)
                ? $"it is a {type}, not a number"
                : $"'{text}' is not a plain decimal number";

    private static BigInteger Widen(BigInteger unscaled, int from, int to) => unscaled * BigInteger.Pow(10, to - from);
}
