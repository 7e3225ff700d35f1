namespace SoxAuto.Core.Expressions.Syntax;

/// <summary><c>left and right</c> (<see cref="IsAnd"/>) or <c>left or right</c>.</summary>
internal sealed record LogicalNode(int Offset, bool IsAnd, ExpressionNode Left, ExpressionNode Right) : ExpressionNode(Offset);
