namespace SoxAuto.Core.Expressions.Syntax;

internal sealed record NotNode(int Offset, ExpressionNode Operand) : ExpressionNode(Offset);
