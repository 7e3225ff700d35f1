namespace SoxAuto.Core.Expressions.Syntax;

/// <summary><c>value is [not] null</c>: never unknown.</summary>
internal sealed record IsNullNode(int Offset, ExpressionNode Value, bool Negated) : ExpressionNode(Offset);
