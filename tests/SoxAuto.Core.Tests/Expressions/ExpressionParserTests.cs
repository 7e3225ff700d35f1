using SoxAuto.Core.Expressions;
using SoxAuto.Core.Expressions.Syntax;

namespace SoxAuto.Core.Tests.Expressions;

[Collection(SoxAuto.Core.Tests.Validation.MeasuredTests.Name)]
public sealed class ExpressionParserTests
{
    [Theory]
    [InlineData("a or b and c", "(or a (and b c))")]
    [InlineData("a and b or c", "(or (and a b) c)")]
    [InlineData("(a or b) and c", "(and (or a b) c)")]
    [InlineData("not a and b", "(and (not a) b)")]
    [InlineData("not a = 1 or b", "(or (not (= a 1)) b)")]
    [InlineData("not not a", "(not (not a))")]
    [InlineData("a or b or c", "(or (or a b) c)")]
    [InlineData("x between 1 and 2 and y", "(and (between x 1 2) y)")]
    [InlineData("x not between :lo and :hi", "(not-between x :lo :hi)")]
    [InlineData("x in ('a', 'b''c', :list)", "(in x 'a' 'b'c' :list)")]
    [InlineData("x NOT IN (1, -2.50)", "(not-in x 1 -2.50)")]
    [InlineData("x is null or y IS NOT NULL", "(or (is-null x) (is-not-null y))")]
    [InlineData("d >= DATE '2025-09-01' and t < timestamp '2025-10-01 00:00:00'", "(and (>= d DATE'2025-09-01') (< t TIMESTAMP'2025-10-01 00:00:00'))")]
    [InlineData("f = TRUE or g <> false or h != null", "(or (or (= f true) (<> g false)) (<> h null))")]
    [InlineData("amount>=-5", "(>= amount -5)")]
    [InlineData("date = DATE '2025-01-01'", "(= date DATE'2025-01-01')")]
    [InlineData("((a))", "a")]
    public void Parse_BuildsTheTreeWithSqlPrecedence(string text, string expected)
    {
        ExpressionNode? node = ExpressionParser.Parse(text, out ExpressionError? error);

        Assert.Null(error);
        Assert.Equal(expected, Show(node!));
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("a = ", 3, "expected a column")]
    [InlineData("a = 1 b", 6, "expected and, or")]
    [InlineData("a < b < c", 6, "expected and, or")]
    [InlineData("a = 'open", 4, "not closed")]
    [InlineData("a + 1 > 2", 2, "no arithmetic")]
    [InlineData("a - 1 > 2", 2, "no arithmetic")]
    [InlineData("upper(a) = 'X'", 0, "function")]
    [InlineData("\"a\" = 1", 0, "quoted identifiers")]
    [InlineData("a = ?", 4, "positional")]
    [InlineData("a in :list", 5, "expected '('")]
    [InlineData("a in ('x' 'y')", 10, "',' or ')'")]
    [InlineData("a between 1 or 2", 12, "and between the two bounds")]
    [InlineData("a is 1", 5, "null or not null")]
    [InlineData("(a = 1", 6, "expected ')'")]
    [InlineData("a = 1e5", 4, "not a number")]
    [InlineData("a = 1.", 4, "not a number")]
    [InlineData("a = : b", 4, "parameter name")]
    [InlineData("a = 1; drop", 5, "';'")]
    [InlineData("and = 1", 0, "expected a column")]
    public void Parse_ReportsTheFirstSyntaxError_AtItsOffset(string text, int offset, string message)
    {
        ExpressionNode? node = ExpressionParser.Parse(text, out ExpressionError? error);

        Assert.Null(node);
        Assert.NotNull(error);
        Assert.Equal(ExpressionErrorKind.Syntax, error.Kind);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.Hint);
    }

    [Fact]
    public void Parse_RefusesNumbersOfMoreThan38Digits()
    {
        ExpressionParser.Parse("a = " + new string('9', 39), out ExpressionError? error);

        Assert.Equal(4, error!.Offset);
        Assert.Contains("39 digits", error.Message, StringComparison.Ordinal);
    }

    private static string Show(ExpressionNode node) => node switch
    {
        ColumnNode c => c.Name,
        ParameterNode p => ":" + p.Name,
        LiteralNode { Kind: LiteralKind.Text } l => $"'{l.Text}'",
        LiteralNode { Kind: LiteralKind.Date } l => $"DATE'{l.Text}'",
        LiteralNode { Kind: LiteralKind.Timestamp } l => $"TIMESTAMP'{l.Text}'",
        LiteralNode { Kind: LiteralKind.Null } => "null",
        LiteralNode l => l.Text,
        LogicalNode l => $"({(l.IsAnd ? "and" : "or")} {Show(l.Left)} {Show(l.Right)})",
        NotNode n => $"(not {Show(n.Operand)})",
        ComparisonNode c => $"({Operator(c.Operator)} {Show(c.Left)} {Show(c.Right)})",
        BetweenNode b => $"({(b.Negated ? "not-between" : "between")} {Show(b.Value)} {Show(b.Low)} {Show(b.High)})",
        InNode i => $"({(i.Negated ? "not-in" : "in")} {Show(i.Value)} {string.Join(" ", i.Items.Select(Show))})",
        IsNullNode n => $"({(n.Negated ? "is-not-null" : "is-null")} {Show(n.Value)})",
        _ => "?",
    };

    private static string Operator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };
}
