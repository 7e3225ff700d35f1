using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions;
using SoxAuto.Core.Expressions.Evaluation;
using SoxAuto.Core.Tests.Validation;

namespace SoxAuto.Core.Tests.Expressions;

/// <summary>Compiles a condition for a schema and evaluates it over rows read by the real reader.</summary>
internal static class ExpressionRunner
{
    public static readonly ResultSchema Schema = TestCsv.Schema(
        ("id", "bigint"), ("amount", "decimal(38,2)"), ("rate", "double"), ("name", "varchar"), ("code", "char(4)"),
        ("day", "date"), ("ts", "timestamp"), ("flag", "boolean"), ("tags", "array(varchar)"), ("fine", "timestamp(12)"), ("ratio", "real"));

    public static readonly Dictionary<string, ParameterValue> Parameters = new(StringComparer.Ordinal)
    {
        ["cutoff_date"] = new DateParameterValue(new DateOnly(2025, 9, 30)),
        ["cutoff_end"] = new TimestampParameterValue(new DateTime(2025, 10, 1)),
        ["limit"] = new DecimalParameterValue(ScaledDecimal.Parse("100.5")),
        ["year"] = new BigintParameterValue(2025),
        ["who"] = new VarcharParameterValue("O'Brien"),
        ["companies"] = new VarcharArrayParameterValue(["EC_NG", "JD_GH"]),
        ["yes"] = new BooleanParameterValue(true),
    };

    public static ExpressionCompilation Compile(string condition, ResultSchema? schema = null) =>
        ExpressionCompiler.CompileCondition(condition, ExpressionScope.ForRun(schema ?? Schema, Parameters));

    /// <summary>The condition's truth value for each row; the row gives values by column name, others are NULL.</summary>
    public static async Task<Truth[]> EvaluateAsync(string condition, params Dictionary<string, string?>[] rows)
    {
        ExpressionCompilation compiled = Compile(condition);
        Assert.True(compiled.Succeeded, string.Join("; ", compiled.Errors));
        Collector collector = new(compiled.Predicate!);
        await TestCsv.ReadAsync(Schema, rows.Select(r => Schema.Columns.Select(c => r.GetValueOrDefault(c.Name)).ToArray()), collector);
        return [.. collector.Values];
    }

    public static Task<Truth[]> EvaluateOneAsync(string condition, string column, string? value) =>
        EvaluateAsync(condition, new Dictionary<string, string?> { [column] = value });

    private sealed class Collector(Predicate predicate) : IRowConsumer
    {
        public List<Truth> Values { get; } = [];

        public void Start(ResultSchema schema)
        {
        }

        public void Consume(TypedRow row) => Values.Add(predicate.Evaluate(row));

        public void Finish(long rowCount)
        {
        }
    }
}
