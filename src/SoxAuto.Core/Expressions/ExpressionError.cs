namespace SoxAuto.Core.Expressions;

/// <summary>
/// A problem in an expression, at a 0-based <see cref="Offset"/> in its text, which <c>QueryText.LocationOf</c> turns
/// into a file, line and column.
/// </summary>
internal sealed record ExpressionError(ExpressionErrorKind Kind, int Offset, string Message, string Hint)
{
    public override string ToString() => $"at offset {Offset}: {Message}";
}
