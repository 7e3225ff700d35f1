namespace SoxAuto.Core.Expressions.Syntax;

/// <summary>
/// A literal: <see cref="Text"/> is the text value, the number as written, the date or timestamp text inside the
/// quotes, <c>true</c>/<c>false</c>, or empty for <c>null</c>. <see cref="ValueOffset"/> points at the quoted part of
/// a <c>DATE '…'</c> or <c>TIMESTAMP '…'</c> literal (where a bad value is reported).
/// </summary>
internal sealed record LiteralNode(int Offset, LiteralKind Kind, string Text, int ValueOffset) : ExpressionNode(Offset);
