namespace SoxAuto.Core.Expressions;

/// <summary>A token of an expression: its kind, its value, and where it is (0-based offset and length in the text).</summary>
internal readonly record struct ExpressionToken(ExpressionTokenKind Kind, string Text, int Offset, int Length)
{
    public bool IsKeyword(string keyword) =>
        Kind == ExpressionTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        ExpressionTokenKind.End => "the end of the expression",
        ExpressionTokenKind.String => $"the text '{Text}'",
        ExpressionTokenKind.Parameter => $":{Text}",
        _ => $"'{Text}'",
    };
}
