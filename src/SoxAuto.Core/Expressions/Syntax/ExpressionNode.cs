namespace SoxAuto.Core.Expressions.Syntax;

/// <summary>A node of a parsed expression; <see cref="Offset"/> is where it starts in the text (0-based).</summary>
internal abstract record ExpressionNode(int Offset);
