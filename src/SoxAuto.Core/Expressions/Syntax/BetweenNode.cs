namespace SoxAuto.Core.Expressions.Syntax;

/// <summary><c>value [not] between low and high</c>, both bounds inclusive, as in SQL.</summary>
internal sealed record BetweenNode(int Offset, ExpressionNode Value, ExpressionNode Low, ExpressionNode High, bool Negated) : ExpressionNode(Offset);
