namespace SoxAuto.Core.Catalog;

/// <summary>
/// SQL (or an expression) from the catalog and where its first character sits in the file, for precise error positions.
/// For YAML block scalars (<c>query: |</c>) every line is indented alike, so <see cref="Start"/>'s column applies to each line.
/// </summary>
public sealed record QueryText(string Sql, SourceLocation Start)
{
    /// <summary>Maps a 0-based offset in <see cref="Sql"/> to a file location (line and column).</summary>
    public SourceLocation LocationOf(int offset)
    {
        if (!Start.HasLine)
        {
            return Start;
        }

        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset && i < Sql.Length; i++)
        {
            if (Sql[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(Start.File, Start.Line + line, Start.Column + (offset - lineStart));
    }
}
