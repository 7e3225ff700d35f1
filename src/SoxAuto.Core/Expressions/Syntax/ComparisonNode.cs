namespace SoxAuto.Core.Expressions.Syntax;

/// <summary><c>left op right</c>.</summary>
internal sealed record ComparisonNode(int Offset, ExpressionNode Left, ComparisonOperator Operator, ExpressionNode Right) : ExpressionNode(Offset);
