using SoxAuto.Core.Expressions.Syntax;
using static SoxAuto.Core.Expressions.ExpressionKeywords;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// Recursive-descent parser of the expression language (grammar in docs/catalog.md). Precedence, lowest first:
/// <c>or</c>, <c>and</c>, <c>not</c>, then one predicate (a comparison, <c>in</c>, <c>between</c>, <c>is null</c>).
/// Comparisons do not chain (<c>a &lt; b &lt; c</c> is an error) and there is nothing else: no functions, no arithmetic.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly IReadOnlyList<ExpressionToken> _tokens;
    private int _next;

    private ExpressionParser(IReadOnlyList<ExpressionToken> tokens) => _tokens = tokens;

    private ExpressionToken Current => _tokens[_next];

    /// <summary>Parses <paramref name="text"/>; returns the tree, or null and the first syntax error.</summary>
    public static ExpressionNode? Parse(string text, out ExpressionError? error)
    {
        error = null;
        try
        {
            ExpressionParser parser = new(ExpressionTokenizer.Tokenize(text));
            if (parser.Current.Kind == ExpressionTokenKind.End)
            {
                throw new ExpressionSyntaxException(0, "the expression is empty", "write a condition, e.g. posting_date > :cutoff_date");
            }

            ExpressionNode node = parser.Or();
            if (parser.Current.Kind != ExpressionTokenKind.End)
            {
                throw parser.Expected("and, or or the end of the expression");
            }

            return node;
        }
        catch (ExpressionSyntaxException ex)
        {
            error = ex.ToError();
            return null;
        }
    }

    private ExpressionNode Or()
    {
        ExpressionNode left = And();
        while (Current.IsKeyword(ExpressionKeywords.Or))
        {
            _next++;
            left = new LogicalNode(left.Offset, IsAnd: false, left, And());
        }

        return left;
    }

    private ExpressionNode And()
    {
        ExpressionNode left = Not();
        while (Current.IsKeyword(ExpressionKeywords.And))
        {
            _next++;
            left = new LogicalNode(left.Offset, IsAnd: true, left, Not());
        }

        return left;
    }

    private ExpressionNode Not()
    {
        if (Current.IsKeyword(ExpressionKeywords.Not))
        {
            int offset = Take().Offset;
            return new NotNode(offset, Not());
        }

        return Predicate();
    }

    private ExpressionNode Predicate()
    {
        ExpressionNode value = Primary();
        if (Current.Kind == ExpressionTokenKind.Operator)
        {
            ComparisonOperator op = Take().Text switch
            {
                "=" => ComparisonOperator.Equal,
                "<>" or "!=" => ComparisonOperator.NotEqual,
                "<" => ComparisonOperator.Less,
                "<=" => ComparisonOperator.LessOrEqual,
                ">" => ComparisonOperator.Greater,
                _ => ComparisonOperator.GreaterOrEqual,
            };
            return new ComparisonNode(value.Offset, value, op, Primary());
        }

        if (Current.IsKeyword(Is))
        {
            _next++;
            bool negated = TakeKeyword(ExpressionKeywords.Not);
            if (!TakeKeyword(Null))
            {
                throw Expected("null or not null after is");
            }

            return new IsNullNode(value.Offset, value, negated);
        }

        bool not = Current.IsKeyword(ExpressionKeywords.Not) && (Peek(1).IsKeyword(In) || Peek(1).IsKeyword(Between));
        if (not)
        {
            _next++;
        }

        if (TakeKeyword(In))
        {
            return new InNode(value.Offset, value, List(), not);
        }

        if (TakeKeyword(Between))
        {
            ExpressionNode low = Primary();
            if (!TakeKeyword(ExpressionKeywords.And))
            {
                throw Expected("and between the two bounds of between");
            }

            return new BetweenNode(value.Offset, value, low, Primary(), not);
        }

        return value;
    }

    private List<ExpressionNode> List()
    {
        if (Current.Kind != ExpressionTokenKind.LeftParenthesis)
        {
            string hint = Current.Kind == ExpressionTokenKind.Parameter
                ? $"put the list parameter in parentheses: in (:{Current.Text})"
                : "write the values in parentheses, e.g. in ('EC_NG', 'JD_GH') or in (:companies)";
            throw new ExpressionSyntaxException(Current.Offset, $"expected '(' after in, found {Current.Describe()}", hint);
        }

        _next++;
        List<ExpressionNode> items = [Primary()];
        while (Current.Kind == ExpressionTokenKind.Comma)
        {
            _next++;
            items.Add(Primary());
        }

        if (Current.Kind != ExpressionTokenKind.RightParenthesis)
        {
            throw Expected("',' or ')' in the in list");
        }

        _next++;
        return items;
    }

    private ExpressionNode Primary()
    {
        ExpressionToken token = Take();
        switch (token.Kind)
        {
            case ExpressionTokenKind.LeftParenthesis:
                ExpressionNode inner = Or();
                if (Current.Kind != ExpressionTokenKind.RightParenthesis)
                {
                    throw Expected("')'");
                }

                _next++;
                return inner;
            case ExpressionTokenKind.Parameter:
                return new ParameterNode(token.Offset, token.Text);
            case ExpressionTokenKind.String:
                return new LiteralNode(token.Offset, LiteralKind.Text, token.Text, token.Offset);
            case ExpressionTokenKind.Number:
                return new LiteralNode(token.Offset, LiteralKind.Number, token.Text, token.Offset);
            case ExpressionTokenKind.Word when token.IsKeyword(True) || token.IsKeyword(False):
                return new LiteralNode(token.Offset, LiteralKind.Boolean, token.Text.ToLowerInvariant(), token.Offset);
            case ExpressionTokenKind.Word when token.IsKeyword(Null):
                return new LiteralNode(token.Offset, LiteralKind.Null, string.Empty, token.Offset);
            case ExpressionTokenKind.Word when (token.IsKeyword(Date) || token.IsKeyword(Timestamp)) && Current.Kind == ExpressionTokenKind.String:
                ExpressionToken value = Take();
                LiteralKind kind = token.IsKeyword(Date) ? LiteralKind.Date : LiteralKind.Timestamp;
                return new LiteralNode(token.Offset, kind, value.Text, value.Offset);
            case ExpressionTokenKind.Word when !IsReserved(token.Text):
                if (Current.Kind == ExpressionTokenKind.LeftParenthesis)
                {
                    throw new ExpressionSyntaxException(token.Offset, $"'{token.Text}(' looks like a function call; the expression language has no functions",
                        "compare columns, parameters and literals only; compute values in the query");
                }

                return new ColumnNode(token.Offset, token.Text);
            default:
                if (token.Kind != ExpressionTokenKind.End)
                {
                    _next--;
                }

                throw Expected("a column, a :parameter or a literal");
        }
    }

    private ExpressionToken Take()
    {
        ExpressionToken token = Current;
        if (token.Kind != ExpressionTokenKind.End)
        {
            _next++;
        }

        return token;
    }

    private bool TakeKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            return false;
        }

        _next++;
        return true;
    }

    private ExpressionToken Peek(int ahead) => _tokens[Math.Min(_next + ahead, _tokens.Count - 1)];

    private ExpressionSyntaxException Expected(string what) =>
        new(Current.Offset, $"expected {what}, found {Current.Describe()}", "see the expression language in docs/catalog.md");
}
