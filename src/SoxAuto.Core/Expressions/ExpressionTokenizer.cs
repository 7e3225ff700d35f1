using System.Text;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// Splits an expression into tokens. Only what the language has is accepted; anything that looks like arithmetic,
/// a function's quoted identifier or a positional marker is refused here with a message that says so.
/// </summary>
internal static class ExpressionTokenizer
{
    /// <summary>Exact decimal literals hold at most 38 digits, like Athena's decimal(38,s).</summary>
    public const int MaxNumberDigits = 38;

    /// <exception cref="ExpressionSyntaxException">The text holds something that is not a token of the language.</exception>
    public static IReadOnlyList<ExpressionToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<ExpressionToken> tokens = [];
        int position = 0;
        while (position < text.Length)
        {
            char c = text[position];
            int start = position;
            if (char.IsWhiteSpace(c))
            {
                position++;
            }
            else if (IsWordStart(c))
            {
                while (position < text.Length && IsWordPart(text[position]))
                {
                    position++;
                }

                tokens.Add(new(ExpressionTokenKind.Word, text[start..position], start, position - start));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1]) && !FollowsValue(tokens)))
            {
                tokens.Add(Number(text, ref position));
            }
            else if (c == '\'')
            {
                tokens.Add(String(text, ref position));
            }
            else if (c == ':')
            {
                position++;
                while (position < text.Length && IsWordPart(text[position]))
                {
                    position++;
                }

                if (position == start + 1 || !IsWordStart(text[start + 1]))
                {
                    throw new ExpressionSyntaxException(start, "':' must be followed by a parameter name", "write a declared parameter as :name, e.g. :cutoff_date");
                }

                tokens.Add(new(ExpressionTokenKind.Parameter, text[(start + 1)..position], start, position - start));
            }
            else if (c is '(' or ')' or ',')
            {
                ExpressionTokenKind kind = c == '(' ? ExpressionTokenKind.LeftParenthesis : c == ')' ? ExpressionTokenKind.RightParenthesis : ExpressionTokenKind.Comma;
                tokens.Add(new(kind, c.ToString(), start, 1));
                position++;
            }
            else if (Operator(text, position) is { } op)
            {
                tokens.Add(new(ExpressionTokenKind.Operator, op, start, op.Length));
                position += op.Length;
            }
            else
            {
                throw Unexpected(c, start);
            }
        }

        // "The end" is reported where the text ends, not after the line break a YAML block scalar keeps.
        tokens.Add(new(ExpressionTokenKind.End, string.Empty, text.TrimEnd().Length, 0));
        return tokens;
    }

    private static ExpressionToken Number(string text, ref int position)
    {
        int start = position;
        if (text[position] == '-')
        {
            position++;
        }

        int digits = 0;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
            digits++;
        }

        if (position < text.Length && text[position] == '.')
        {
            position++;
            int fraction = 0;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
                fraction++;
            }

            if (fraction == 0)
            {
                throw new ExpressionSyntaxException(start, $"'{text[start..position]}' is not a number", "write digits after the point, e.g. 12.50");
            }

            digits += fraction;
        }

        if (position < text.Length && (IsWordPart(text[position]) || text[position] == '.'))
        {
            throw new ExpressionSyntaxException(start, $"'{text[start..(position + 1)]}' is not a number",
                "numbers are plain decimals such as 42 or -12.50 (no exponent, no suffix)");
        }

        if (digits > MaxNumberDigits)
        {
            throw new ExpressionSyntaxException(start, $"the number has {digits} digits; at most {MaxNumberDigits} are exact", "shorten the number");
        }

        return new(ExpressionTokenKind.Number, text[start..position], start, position - start);
    }

    private static ExpressionToken String(string text, ref int position)
    {
        int start = position;
        StringBuilder value = new();
        position++;
        while (true)
        {
            if (position >= text.Length)
            {
                throw new ExpressionSyntaxException(start, "the text literal is not closed (a ' is missing)", "close it with '; write a quote inside it as ''");
            }

            char c = text[position++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (position < text.Length && text[position] == '\'')
            {
                value.Append('\'');
                position++;
            }
            else
            {
                return new(ExpressionTokenKind.String, value.ToString(), start, position - start);
            }
        }
    }

    private static string? Operator(string text, int position)
    {
        char c = text[position];
        char next = position + 1 < text.Length ? text[position + 1] : '\0';
        return (c, next) switch
        {
            ('<', '=') => "<=",
            ('<', '>') => "<>",
            ('>', '=') => ">=",
            ('!', '=') => "!=",
            ('=', _) => "=",
            ('<', _) => "<",
            ('>', _) => ">",
            _ => null,
        };
    }

    private static ExpressionSyntaxException Unexpected(char c, int offset) => c switch
    {
        '+' or '-' or '*' or '/' or '%' or '|' => new(offset, $"'{c}': the expression language has no arithmetic or concatenation",
            "compare columns, parameters and literals only; compute values in the query"),
        '"' or '`' => new(offset, "quoted identifiers are not supported", "write the column name as Athena returns it, without quotes"),
        '?' => new(offset, "a positional '?' is not allowed", "use a declared parameter, :name"),
        ';' => new(offset, "';' is not allowed", "an expression is one condition, not a statement"),
        '!' => new(offset, "'!' is not an operator here", "write <> or != for 'not equal', and not for negation"),
        _ => new(offset, $"unexpected character '{c}'", "see the expression language in docs/catalog.md"),
    };

    // A '-' right after a value would be subtraction, which the language does not have.
    private static bool FollowsValue(List<ExpressionToken> tokens) =>
        tokens.Count > 0 && tokens[^1] is var last &&
        (last.Kind is ExpressionTokenKind.Number or ExpressionTokenKind.String or ExpressionTokenKind.Parameter or ExpressionTokenKind.RightParenthesis ||
         (last.Kind == ExpressionTokenKind.Word && !ExpressionKeywords.IsReserved(last.Text)));

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
