namespace SoxAuto.Core.Expressions.Syntax;

/// <summary><c>value [not] in (item, …)</c>; an item may be a list parameter, which stands for its elements.</summary>
internal sealed record InNode(int Offset, ExpressionNode Value, IReadOnlyList<ExpressionNode> Items, bool Negated) : ExpressionNode(Offset);
