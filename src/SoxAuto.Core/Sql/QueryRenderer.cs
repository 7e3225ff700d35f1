using System.Text;

namespace SoxAuto.Core.Sql;

/// <summary>
/// Turns catalog SQL with named parameters into Athena's form: each <c>:name</c> becomes <c>?</c> (a list becomes
/// <c>?, ?, …</c>, one per element) and its value is bound as an <c>ExecutionParameters</c> literal — never spliced
/// into the text. Logical database names are replaced by the settings' mapping. Everything else is sent byte for byte.
/// </summary>
public static class QueryRenderer
{
    /// <summary>Athena's limits: QueryString at most 262144 bytes; each execution parameter 1..1024 characters.</summary>
    public const int MaxQueryBytes = 262_144;

    public const int MaxParameterLength = 1024;

    public static RenderedQuery Render(
        string sql,
        IReadOnlyDictionary<string, BoundParameter> parameters,
        IReadOnlyDictionary<string, string> databaseMap)
    {
        (IReadOnlyList<SqlToken> tokens, SqlLexError? error) = SqlLexer.Tokenize(sql);
        if (error is not null)
        {
            throw new QueryRenderException($"the query cannot be read at offset {error.Offset}: {error.Message}");
        }

        StringBuilder text = new(sql.Length);
        List<string> executionParameters = [];
        List<BoundParameter> used = [];
        for (int i = 0; i < tokens.Count; i++)
        {
            SqlToken token = tokens[i];
            switch (token.Kind)
            {
                case SqlTokenKind.NamedParameter:
                    if (!parameters.TryGetValue(token.ParameterName, out BoundParameter? bound))
                    {
                        throw new QueryRenderException($"the query uses :{token.ParameterName}, which has no value");
                    }

                    IReadOnlyList<string> literals = bound.Value.ToSqlLiterals();
                    if (literals.Count == 0)
                    {
                        throw new QueryRenderException($":{token.ParameterName} is an empty list; Athena cannot bind an empty IN list");
                    }

                    foreach (string literal in literals.Where(l => l.Length > MaxParameterLength))
                    {
                        throw new QueryRenderException(
                            $"a value of :{token.ParameterName} is {literal.Length} characters; Athena accepts at most {MaxParameterLength}");
                    }

                    text.AppendJoin(", ", Enumerable.Repeat("?", literals.Count));
                    executionParameters.AddRange(literals);
                    if (!used.Contains(bound))
                    {
                        used.Add(bound);
                    }

                    break;
                case SqlTokenKind.Word when IsDatabaseQualifier(tokens, i) && databaseMap.TryGetValue(token.Text, out string? database):
                    text.Append(database);
                    break;
                default:
                    text.Append(token.Text);
                    break;
            }
        }

        string queryString = text.ToString();
        int bytes = Encoding.UTF8.GetByteCount(queryString);
        if (bytes > MaxQueryBytes)
        {
            throw new QueryRenderException($"the query is {bytes} bytes; Athena accepts at most {MaxQueryBytes}");
        }

        return new RenderedQuery(queryString, executionParameters, used);
    }

    // A bare word directly followed by '.', and not itself after a '.', qualifies a table: nav_bi.customers.
    private static bool IsDatabaseQualifier(IReadOnlyList<SqlToken> tokens, int index) =>
        index + 1 < tokens.Count && tokens[index + 1].Text == "." &&
        (index == 0 || tokens[index - 1].Text != ".");
}
