namespace SoxAuto.Core.Catalog;

/// <summary>Where something was written: a file, and the 1-based line and column when known.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation InFile(string file) => new(file, 0, 0);

    public bool HasLine => Line > 0;

    /// <summary>The location a line further down, e.g. inside a block scalar that starts on this line.</summary>
    public SourceLocation Offset(int lines, int column) => new(File, Line + lines, column);

    public override string ToString() =>
        Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
