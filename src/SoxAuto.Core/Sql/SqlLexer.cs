namespace SoxAuto.Core.Sql;

/// <summary>
/// Splits Trino/Athena SQL into tokens. It knows exactly what it must to find parameter markers safely: string literals
/// (with <c>''</c> escapes), quoted identifiers (<c>"Opco/Central_?"</c>, with <c>""</c> escapes), and both comment forms.
/// A <c>?</c> or <c>:name</c> inside any of those is data, not a marker — the seed counted every <c>?</c> in the text and
/// broke on exactly that.
/// </summary>
public static class SqlLexer
{
    /// <summary>Tokenises <paramref name="sql"/>. On failure the tokens up to the error are returned with the error.</summary>
    public static (IReadOnlyList<SqlToken> Tokens, SqlLexError? Error) Tokenize(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        List<SqlToken> tokens = [];
        int position = 0;
        while (position < sql.Length)
        {
            int start = position;
            char c = sql[position];
            SqlTokenKind kind;
            if (char.IsWhiteSpace(c))
            {
                while (position < sql.Length && char.IsWhiteSpace(sql[position]))
                {
                    position++;
                }

                kind = SqlTokenKind.Whitespace;
            }
            else if (c == '-' && Peek(sql, position + 1) == '-')
            {
                while (position < sql.Length && sql[position] != '\n')
                {
                    position++;
                }

                kind = SqlTokenKind.Comment;
            }
            else if (c == '/' && Peek(sql, position + 1) == '*')
            {
                int close = sql.IndexOf("*/", position + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    return (tokens, new SqlLexError(start, "unterminated /* comment"));
                }

                position = close + 2;
                kind = SqlTokenKind.Comment;
            }
            else if (c is '\'' or '"' or '`')
            {
                if (!TryReadQuoted(sql, ref position, c))
                {
                    string what = c == '\'' ? "string literal" : "quoted identifier";
                    return (tokens, new SqlLexError(start, $"unterminated {what} (a {c} is missing)"));
                }

                kind = c == '\'' ? SqlTokenKind.StringLiteral : SqlTokenKind.QuotedIdentifier;
            }
            else if (IsWordStart(c))
            {
                while (position < sql.Length && IsWordPart(sql[position]))
                {
                    position++;
                }

                kind = SqlTokenKind.Word;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(sql, position + 1))))
            {
                ReadNumber(sql, ref position);
                kind = SqlTokenKind.Number;
            }
            else if (c == ':' && IsWordStart(Peek(sql, position + 1)) && Peek(sql, position - 1) != ':')
            {
                position++;
                while (position < sql.Length && IsWordPart(sql[position]))
                {
                    position++;
                }

                kind = SqlTokenKind.NamedParameter;
            }
            else if (c == '?')
            {
                position++;
                kind = SqlTokenKind.PositionalParameter;
            }
            else if (c == ';')
            {
                position++;
                kind = SqlTokenKind.Semicolon;
            }
            else
            {
                position += SymbolLength(sql, position);
                kind = SqlTokenKind.Symbol;
            }

            tokens.Add(new SqlToken(kind, start, position - start, sql[start..position]));
        }

        return (tokens, null);
    }

    private static bool TryReadQuoted(string sql, ref int position, char quote)
    {
        position++;
        while (position < sql.Length)
        {
            if (sql[position] == quote)
            {
                if (Peek(sql, position + 1) == quote)
                {
                    position += 2;
                    continue;
                }

                position++;
                return true;
            }

            position++;
        }

        return false;
    }

    private static void ReadNumber(string sql, ref int position)
    {
        while (position < sql.Length && (char.IsAsciiDigit(sql[position]) || sql[position] == '.'))
        {
            position++;
        }

        if (position < sql.Length && sql[position] is 'e' or 'E')
        {
            int exponent = position + 1;
            if (exponent < sql.Length && sql[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < sql.Length && char.IsAsciiDigit(sql[exponent]))
            {
                position = exponent;
                while (position < sql.Length && char.IsAsciiDigit(sql[position]))
                {
                    position++;
                }
            }
        }
    }

    private static int SymbolLength(string sql, int position)
    {
        string two = position + 1 < sql.Length ? sql.Substring(position, 2) : string.Empty;
        return two is "<=" or ">=" or "<>" or "!=" or "||" or "=>" or "->" ? 2 : 1;
    }

    private static char Peek(string sql, int position) =>
        position >= 0 && position < sql.Length ? sql[position] : '\0';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
}
