namespace SoxAuto.Core.Expressions.Syntax;

/// <summary>A column of the extract, by name (matched case-insensitively, as Trino does).</summary>
internal sealed record ColumnNode(int Offset, string Name) : ExpressionNode(Offset);
