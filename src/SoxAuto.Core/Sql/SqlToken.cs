namespace SoxAuto.Core.Sql;

/// <summary>A token of SQL text: its kind, and where it sits in the text (0-based offset and length).</summary>
public readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, string Text)
{
    public int End => Start + Length;

    public bool IsTrivia => Kind is SqlTokenKind.Whitespace or SqlTokenKind.Comment;

    /// <summary>True for a bare word equal to <paramref name="keyword"/>, ignoring case (SQL keywords are case-insensitive).</summary>
    public bool IsWord(string keyword) =>
        Kind == SqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>For a <see cref="SqlTokenKind.NamedParameter"/>, the name without the colon.</summary>
    public string ParameterName => Kind == SqlTokenKind.NamedParameter ? Text[1..] : string.Empty;
}
