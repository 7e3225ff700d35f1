using System.Globalization;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions;
using SoxAuto.Core.Expressions.Evaluation;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// <c>accuracy.exclusion</c>: a condition that must match no row of the extract. A row matches only when the condition
/// is TRUE (unknown does not match, as in a SQL WHERE). It runs on the persisted output, never by re-running the query
/// with its own filter — so a planted violating row makes it fail.
/// </summary>
internal sealed class ExclusionEvaluator : CheckEvaluator
{
    private readonly ExclusionCheck _check;
    private readonly Predicate _condition;
    private readonly int[] _sampleColumns;
    private readonly SampleCollector _samples;
    private readonly string _bindings;
    private long _matches;

    public ExclusionEvaluator(ExclusionCheck check, EvaluatorContext context)
        : base(check)
    {
        _check = check;
        ExpressionCompilation compiled = ExpressionCompiler.CompileCondition(check.Condition.Sql, context.Scope);
        if (!compiled.Succeeded)
        {
            throw new CheckSetupException($"the condition '{check.Condition.Sql.Trim()}' cannot be evaluated: " +
                string.Join("; ", compiled.Errors.Select(e => $"{e.Message} (at offset {e.Offset.ToString(CultureInfo.InvariantCulture)})")));
        }

        _condition = compiled.Predicate!;
        _sampleColumns = context.WithKey(compiled.ColumnsRead);
        _samples = new SampleCollector(context.Schema, context.Options.SampleLimit);
        _bindings = ParameterBindings.Describe(check.Condition.Sql, context.Parameters);
    }

    public override bool ReadsRows => true;

    public override void Consume(TypedRow row)
    {
        if (_condition.Evaluate(row) == Truth.True)
        {
            _matches++;
            _samples.Add(row, _sampleColumns);
        }
    }

    public override CheckResult Complete(long extractedRows, SourceQueryResult? source)
    {
        string condition = _check.Condition.Sql.Trim();
        string message = _matches == 0
            ? $"No row of the {CheckFormat.Rows(extractedRows)} matches {condition}{_bindings}."
            : $"{CheckFormat.Count(_matches)} of {CheckFormat.Rows(extractedRows)} {(_matches == 1 ? "matches" : "match")} {condition}{_bindings}, which no row may match.";
        return Result(_matches == 0 ? CheckStatus.Pass : CheckStatus.Fail, message) with
        {
            Expected = $"no row where {condition}",
            Actual = _matches.ToString(CultureInfo.InvariantCulture) + (_matches == 1 ? " row" : " rows"),
            Samples = _samples.Samples,
            FailingRows = _matches,
        };
    }
}
