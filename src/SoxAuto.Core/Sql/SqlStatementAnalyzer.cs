using SoxAuto.Core.Catalog;

namespace SoxAuto.Core.Sql;

/// <summary>
/// Checks that a catalog query is exactly one read-only, deterministic statement. Evidence must be reproducible: the same
/// cutoff must give the same data on any later day, so wall-clock and random functions are refused.
/// </summary>
public static class SqlStatementAnalyzer
{
    private static readonly HashSet<string> WriteKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "DROP", "CREATE", "ALTER", "GRANT", "REVOKE", "UNLOAD", "CALL",
        "TRUNCATE", "EXECUTE", "PREPARE", "DEALLOCATE", "MSCK", "OPTIMIZE", "VACUUM", "REFRESH", "COMMENT",
    };

    // Functions only when called (a column may be named "random"); the ANSI niladic forms take no parentheses.
    private static readonly HashSet<string> NonDeterministicCalls = new(StringComparer.OrdinalIgnoreCase)
    {
        "now", "rand", "random", "uuid", "shuffle", "current_timezone",
    };

    private static readonly HashSet<string> NonDeterministicKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
    };

    public static SqlAnalysis Analyze(string sql)
    {
        (IReadOnlyList<SqlToken> tokens, SqlLexError? lexError) = SqlLexer.Tokenize(sql);
        List<SqlFinding> findings = [];
        if (lexError is not null)
        {
            findings.Add(new SqlFinding(CatalogRules.QuerySyntax, lexError.Offset, lexError.Message,
                "close the literal, identifier or comment"));
        }

        SqlToken[] significant = tokens.Where(t => !t.IsTrivia).ToArray();
        CheckSingleReadOnlyStatement(significant, findings);
        for (int i = 0; i < significant.Length; i++)
        {
            SqlToken token = significant[i];
            if (token.Kind == SqlTokenKind.PositionalParameter)
            {
                findings.Add(new SqlFinding(CatalogRules.QueryPositionalParameter, token.Start,
                    "positional '?' marker in the query",
                    "use a named parameter such as :cutoff_date; SoxAuto turns named parameters into Athena's positional markers"));
            }
            else if (token.Kind == SqlTokenKind.Word && WriteKeywords.Contains(token.Text))
            {
                findings.Add(new SqlFinding(CatalogRules.QueryNotReadOnly, token.Start,
                    $"'{token.Text}' is not allowed: catalog queries are read-only",
                    "an IPE query is one SELECT (or WITH … SELECT); quote the name (\"" + token.Text.ToLowerInvariant() + "\") if it is a column"));
            }
            else if (token.Kind == SqlTokenKind.Word && NonDeterministicKeywords.Contains(token.Text))
            {
                findings.Add(NonDeterministic(token));
            }
            else if (token.Kind == SqlTokenKind.Word && NonDeterministicCalls.Contains(token.Text) &&
                     i + 1 < significant.Length && significant[i + 1].Text == "(")
            {
                findings.Add(NonDeterministic(token));
            }
        }

        SqlToken[] parameters = significant.Where(t => t.Kind == SqlTokenKind.NamedParameter).ToArray();
        return new SqlAnalysis(findings, parameters);
    }

    private static SqlFinding NonDeterministic(SqlToken token) =>
        new(CatalogRules.QueryNonDeterministic, token.Start,
            $"'{token.Text}' makes the result depend on when or how often the query runs",
            "derive dates from the run's parameters instead (e.g. :cutoff_date, :subsequent_month_start)");

    private static void CheckSingleReadOnlyStatement(SqlToken[] significant, List<SqlFinding> findings)
    {
        if (significant.Length == 0)
        {
            findings.Add(new SqlFinding(CatalogRules.QuerySyntax, 0, "the query is empty", "write one SELECT statement"));
            return;
        }

        SqlToken first = significant.FirstOrDefault(t => t.Text != "(", significant[0]);
        if (!first.IsWord("SELECT") && !first.IsWord("WITH"))
        {
            findings.Add(new SqlFinding(CatalogRules.QueryNotReadOnly, first.Start,
                $"the query starts with '{first.Text}'", "a catalog query is one SELECT or WITH … SELECT statement"));
        }

        foreach (SqlToken semicolon in significant.Where(t => t.Kind == SqlTokenKind.Semicolon))
        {
            bool trailing = significant[^1].Start == semicolon.Start;
            findings.Add(new SqlFinding(CatalogRules.QueryMultipleStatements, semicolon.Start,
                trailing ? "the query ends with ';'" : "';' separates a second statement",
                trailing ? "remove the trailing ';' (Athena runs exactly one statement)" : "keep exactly one statement per catalog item"));
        }
    }
}
