using SoxAuto.Core.Sql;

namespace SoxAuto.Core.Tests.Sql;

public sealed class SqlLexerTests
{
    private static string[] Parameters(string sql) =>
        SqlLexer.Tokenize(sql).Tokens.Where(t => t.Kind == SqlTokenKind.NamedParameter).Select(t => t.ParameterName).ToArray();

    [Fact]
    public void Markers_InsideQuotedIdentifiers_StringsAndComments_AreData()
    {
        const string sql = """
            SELECT "Opco/Central_?" AS opco, 'a?b:c' AS s, "Is_Active?" -- what? :not_me
            FROM t /* ? :nor_me */ WHERE d <= :cutoff_date AND x = 'it''s :quoted'
            """;

        (IReadOnlyList<SqlToken> tokens, SqlLexError? error) = SqlLexer.Tokenize(sql);

        Assert.Null(error);
        Assert.Equal(["cutoff_date"], Parameters(sql));
        Assert.DoesNotContain(tokens, t => t.Kind == SqlTokenKind.PositionalParameter);
        Assert.Equal(sql, string.Concat(tokens.Select(t => t.Text)));
    }

    [Fact]
    public void EscapedQuotes_DoNotEndTheLiteralOrIdentifier()
    {
        (IReadOnlyList<SqlToken> tokens, _) = SqlLexer.Tokenize("SELECT 'O''Brien ?', \"a\"\"b?\" FROM t WHERE c = :p");

        Assert.Contains(tokens, t => t is { Kind: SqlTokenKind.StringLiteral, Text: "'O''Brien ?'" });
        Assert.Contains(tokens, t => t is { Kind: SqlTokenKind.QuotedIdentifier, Text: "\"a\"\"b?\"" });
        Assert.Single(tokens, t => t.Kind == SqlTokenKind.NamedParameter);
    }

    [Theory]
    [InlineData("SELECT 'open", 7, "string literal")]
    [InlineData("SELECT \"open", 7, "quoted identifier")]
    [InlineData("SELECT 1 /* open", 9, "comment")]
    public void Unterminated_IsAnErrorAtItsStart(string sql, int offset, string what)
    {
        (_, SqlLexError? error) = SqlLexer.Tokenize(sql);

        Assert.NotNull(error);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PositionalMarker_OutsideQuotes_IsAToken()
    {
        (IReadOnlyList<SqlToken> tokens, _) = SqlLexer.Tokenize("SELECT * FROM t WHERE a = ? AND b = '?'");

        Assert.Single(tokens, t => t.Kind == SqlTokenKind.PositionalParameter);
    }

    [Fact]
    public void TimeLiteralColons_AndDoubleColons_AreNotParameters()
    {
        Assert.Empty(Parameters("SELECT TIMESTAMP '2025-10-01 00:00:00' FROM t"));
        Assert.Empty(Parameters("SELECT a::varchar FROM t"));
    }
}
