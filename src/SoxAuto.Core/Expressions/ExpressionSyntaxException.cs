namespace SoxAuto.Core.Expressions;

/// <summary>
/// Unwinds the recursive-descent parser at the first syntax error. It never leaves <see cref="ExpressionParser"/>:
/// callers get an <see cref="ExpressionError"/> value.
/// </summary>
internal sealed class ExpressionSyntaxException(int offset, string message, string hint) : Exception(message)
{
    public int Offset { get; } = offset;

    public string Hint { get; } = hint;

    public ExpressionError ToError() => new(ExpressionErrorKind.Syntax, Offset, Message, Hint);
}
