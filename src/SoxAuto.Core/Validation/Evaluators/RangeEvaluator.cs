using System.Globalization;
using System.Text;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions;
using SoxAuto.Core.Expressions.Evaluation;
using SoxAuto.Core.Expressions.Syntax;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// <c>range</c>: every value of a column lies within bounds that are constant for the run (parameters or literals,
/// compiled once with the expression language's type rules). NULL fails unless <c>allow_null</c>. The smallest and
/// largest values seen are reported as Athena rendered them.
/// </summary>
internal sealed class RangeEvaluator : CheckEvaluator
{
    private readonly RangeCheck _check;
    private readonly int _column;
    private readonly AthenaType _type;
    private readonly ComparisonPredicate? _min;
    private readonly ComparisonPredicate? _max;
    private readonly string _expected;
    private readonly string _window;
    private readonly string _bindings;
    private readonly int[] _sampleColumns;
    private readonly SampleCollector _samples;
    private readonly KeyBuffer _value = new();
    private readonly KeyBuffer _lowest = new();
    private readonly KeyBuffer _highest = new();
    private readonly KeyBuffer _lowestText = new();
    private readonly KeyBuffer _highestText = new();
    private bool _seen;
    private long _below;
    private long _above;
    private long _nulls;

    public RangeEvaluator(RangeCheck check, EvaluatorContext context)
        : base(check)
    {
        _check = check;
        _column = context.Column(check.Column, "range column");
        _type = context.Schema.Columns[_column].Type;
        (_min, string? low) = Bound(check.Min, check.MinInclusive ? ComparisonOperator.GreaterOrEqual : ComparisonOperator.Greater, "min", context);
        (_max, string? high) = Bound(check.Max, check.MaxInclusive ? ComparisonOperator.LessOrEqual : ComparisonOperator.Less, "max", context);
        _expected = (low, high) switch
        {
            ({ } l, { } h) => $"{(check.MinInclusive ? "[" : "(")}{l}, {h}{(check.MaxInclusive ? "]" : ")")}",
            ({ } l, null) => $"{(check.MinInclusive ? ">=" : ">")} {l}",
            _ => $"{(check.MaxInclusive ? "<=" : "<")} {high}",
        };
        _window = (low, high) switch
        {
            ({ } l, { } h) => $"within {_expected}",
            ({ } l, null) => check.MinInclusive ? $"at least {l}" : $"greater than {l}",
            _ => check.MaxInclusive ? $"at most {high}" : $"less than {high}",
        };
        _bindings = ParameterBindings.Describe($"{check.Min?.Sql} {check.Max?.Sql}", context.Parameters);
        _sampleColumns = context.WithKey([_column]);
        _samples = new SampleCollector(context.Schema, context.Options.SampleLimit);
    }

    public override bool ReadsRows => true;

    private string ColumnName => _check.Column;

    public override void Consume(TypedRow row)
    {
        if (row.IsNull(_column))
        {
            _nulls++;
            if (!_check.AllowNull)
            {
                _samples.Add(row, _sampleColumns);
            }

            return;
        }

        Track(row);
        if (_min is not null && _min.Evaluate(row) != Truth.True)
        {
            _below++;
            _samples.Add(row, _sampleColumns);
        }
        else if (_max is not null && _max.Evaluate(row) != Truth.True)
        {
            _above++;
            _samples.Add(row, _sampleColumns);
        }
    }

    public override CheckResult Complete(long extractedRows, SourceQueryResult? source)
    {
        long nullFailures = _check.AllowNull ? 0 : _nulls;
        long failing = _below + _above + nullFailures;
        string seen = _seen ? $"values seen from {Text(_lowestText)} to {Text(_highestText)}" : "no value seen";
        List<string> problems = [];
        if (_below + _above > 0)
        {
            long outside = _below + _above;
            problems.Add($"{CheckFormat.Of(outside, "value", "values")} of {ColumnName} {(outside == 1 ? "is" : "are")} not {_window}{_bindings}" +
                $" ({CheckFormat.Count(_below)} below, {CheckFormat.Count(_above)} above)");
        }

        if (nullFailures > 0)
        {
            problems.Add($"{CheckFormat.Of(nullFailures, "value", "values")} of {ColumnName} {(nullFailures == 1 ? "is" : "are")} NULL, which the check does not allow");
        }

        string message = failing > 0
            ? $"{string.Join("; ", problems)}; {seen}."
            : $"Every value of {ColumnName} is {_window}{_bindings} ({seen} in {CheckFormat.Rows(extractedRows)}" +
                (_nulls > 0 ? $"; {CheckFormat.Count(_nulls)} NULL, allowed)." : ").");
        return Result(failing > 0 ? CheckStatus.Fail : CheckStatus.Pass, message) with
        {
            Expected = _expected + (_check.AllowNull ? ", NULL allowed" : ", not NULL"),
            Actual = (_seen ? $"min {Text(_lowestText)}, max {Text(_highestText)}" : "no value") +
                $", {failing.ToString(CultureInfo.InvariantCulture)} outside" + (_nulls > 0 ? $", {_nulls.ToString(CultureInfo.InvariantCulture)} NULL" : string.Empty),
            Samples = _samples.Samples,
            FailingRows = failing,
        };
    }

    private (ComparisonPredicate? Predicate, string? Display) Bound(QueryText? text, ComparisonOperator op, string field, EvaluatorContext context)
    {
        if (text is null)
        {
            return (null, null);
        }

        CompiledBound bound = ExpressionCompiler.CompileBound(text.Sql, context.Scope, _column);
        if (!bound.Succeeded)
        {
            throw new CheckSetupException($"the {field} bound '{text.Sql.Trim()}' cannot be compared with {ColumnName} ({_type}): " +
                string.Join("; ", bound.Errors.Select(e => e.Message)));
        }

        return (new ComparisonPredicate(bound.Column!, op, bound.Bound!, bound.Kind), bound.Display);
    }

    // The encoded value orders like the value, so the extremes are kept without allocating per row.
    private void Track(TypedRow row)
    {
        _value.Clear();
        KeyEncoder.Append(_value, row, _column, _type);
        if (!_seen || _value.Span.SequenceCompareTo(_lowest.Span) < 0)
        {
            _lowest.CopyFrom(_value);
            _lowestText.Clear();
            _lowestText.Append(row.Text(_column));
        }

        if (!_seen || _value.Span.SequenceCompareTo(_highest.Span) > 0)
        {
            _highest.CopyFrom(_value);
            _highestText.Clear();
            _highestText.Append(row.Text(_column));
        }

        _seen = true;
    }

    private static string Text(KeyBuffer buffer) => Encoding.UTF8.GetString(buffer.Span);
}
