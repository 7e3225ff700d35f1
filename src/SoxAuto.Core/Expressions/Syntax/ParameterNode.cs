namespace SoxAuto.Core.Expressions.Syntax;

/// <summary><c>:name</c>, a declared parameter of the item.</summary>
internal sealed record ParameterNode(int Offset, string Name) : ExpressionNode(Offset);
