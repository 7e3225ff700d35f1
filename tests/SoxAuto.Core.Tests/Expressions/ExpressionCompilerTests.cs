using SoxAuto.Core.Expressions;
using static SoxAuto.Core.Tests.Expressions.ExpressionRunner;

namespace SoxAuto.Core.Tests.Expressions;

/// <summary>The type rules and name resolution: every error kind, at the offset of what does not fit.</summary>
[Collection(SoxAuto.Core.Tests.Validation.MeasuredTests.Name)]
public sealed class ExpressionCompilerTests
{
    [Theory]
    [InlineData("amount = 'x'", 9, "cannot compare column amount (decimal(38,2)) with the text 'x'")]
    [InlineData("rate = amount", 7, "cannot compare column rate (double) with column amount")]
    [InlineData("rate > :limit", 7, "cannot compare column rate (double) with :limit (decimal)")]
    [InlineData("id = rate", 5, "cannot compare column id (bigint) with column rate (double)")]
    [InlineData("day = '2025-09-30'", 6, "with the text '2025-09-30'")]
    [InlineData("ts > 20250930", 5, "with the number 20250930")]
    [InlineData("name = 1", 7, "cannot compare column name (varchar) with the number 1")]
    [InlineData("flag = 1", 7, "cannot compare column flag (boolean)")]
    [InlineData("day = true", 6, "cannot compare column day (date) with true")]
    [InlineData("amount = null", 9, "comparison with null")]
    [InlineData("amount in (1, null)", 14, "comparison with null")]
    [InlineData("name = :companies", 7, "is a list")]
    [InlineData("tags = 'x'", 0, "cannot be compared")]
    [InlineData("amount", 0, "is not a condition")]
    [InlineData("name and flag", 0, "column name (varchar) is not a condition")]
    [InlineData(":cutoff_date is null", 0, "the same for every row")]
    [InlineData("(amount > 1) = true", 1, "a condition stands where a value is expected")]
    [InlineData("name in ('a', 1)", 14, "with the number 1")]
    [InlineData("day between 1 and :cutoff_date", 12, "with the number 1")]
    [InlineData("day not between :cutoff_date and 'x'", 33, "with the text 'x'")]
    [InlineData("1 in (rate, amount)", 0, "compares the number 1 in different ways")]
    [InlineData("day in (:cutoff_date, TIMESTAMP '2025-10-01 00:00:00', 1)", 55, "with the number 1")]
    public void Compile_RefusesTypeMismatches_AtTheOffendingValue(string condition, int offset, string message)
    {
        ExpressionCompilation compiled = Compile(condition);

        ExpressionError error = Assert.Single(compiled.Errors);
        Assert.Equal(ExpressionErrorKind.TypeMismatch, error.Kind);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.Hint);
        Assert.False(compiled.Succeeded);
    }

    [Fact]
    public void Compile_ReportsEveryUnknownName_EachAtItsOffset()
    {
        ExpressionCompilation compiled = Compile("posting_date > :cutof_date or amount > :lmit");

        Assert.Collection(compiled.Errors,
            e => Assert.Equal((ExpressionErrorKind.UnknownColumn, 0, "unknown column 'posting_date'"), (e.Kind, e.Offset, e.Message)),
            e => Assert.Equal((ExpressionErrorKind.UnknownParameter, 15, ":cutof_date is not a parameter of the item"), (e.Kind, e.Offset, e.Message)),
            e => Assert.Equal((ExpressionErrorKind.UnknownParameter, 39, ":lmit is not a parameter of the item"), (e.Kind, e.Offset, e.Message)));
        Assert.Contains("id, amount, rate", compiled.Errors[0].Hint, StringComparison.Ordinal);
        Assert.Contains(":cutoff_date", compiled.Errors[1].Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ReportsAnUnknownColumnOnce_EvenWhenBetweenReadsItTwice() =>
        Assert.Single(Compile("nope between 1 and 2").Errors);

    [Theory]
    [InlineData("day = DATE '2025-02-30'", 11, "is not a date")]
    [InlineData("day = DATE '2025-09-30 00:00:00'", 11, "is not a date")]
    [InlineData("ts = TIMESTAMP '2025-09-30 25:00:00'", 15, "is not a timestamp")]
    public void Compile_RefusesBadDateAndTimestampLiterals_AtTheQuotedValue(string condition, int offset, string message)
    {
        ExpressionError error = Assert.Single(Compile(condition).Errors);

        Assert.Equal((ExpressionErrorKind.Syntax, offset), (error.Kind, error.Offset));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ListsTheColumnsTheConditionReads() =>
        Assert.Equal([1, 5], Compile("day > :cutoff_date or amount < 0 or day is null").ColumnsRead);

    [Theory]
    [InlineData(":cutoff_date", "day", "2025-09-30")]
    [InlineData("(:cutoff_end)", "ts", "2025-10-01 00:00:00.000")]
    [InlineData("DATE '2025-09-01'", "ts", "2025-09-01")]
    [InlineData("-100.50", "amount", "-100.50")]
    [InlineData("0", "rate", "0")]
    public void CompileBound_AcceptsParametersAndLiteralsThatCompareWithTheColumn(string bound, string column, string display)
    {
        CompiledBound compiled = ExpressionCompiler.CompileBound(bound, SoxAuto.Core.Expressions.ExpressionScope.ForRun(Schema, Parameters), Schema.IndexOf(column));

        Assert.True(compiled.Succeeded, string.Join("; ", compiled.Errors));
        Assert.Equal(display, compiled.Display);
    }

    [Theory]
    [InlineData("day > 1", "day", 0, "a range bound is a single parameter or literal")]
    [InlineData(":who", "day", 0, "cannot compare column day (date) with :who (varchar)")]
    [InlineData(":limit", "rate", 0, "cannot compare column rate (double) with :limit (decimal)")]
    [InlineData("null", "amount", 0, "comparison with null")]
    [InlineData(":nope", "amount", 0, ":nope is not a parameter")]
    [InlineData("DATE '2025-13-01'", "day", 5, "is not a date")]
    public void CompileBound_RefusesWhatIsNotAConstantOfTheColumnsType(string bound, string column, int offset, string message)
    {
        CompiledBound compiled = ExpressionCompiler.CompileBound(bound, SoxAuto.Core.Expressions.ExpressionScope.ForRun(Schema, Parameters), Schema.IndexOf(column));

        ExpressionError error = Assert.Single(compiled.Errors);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
