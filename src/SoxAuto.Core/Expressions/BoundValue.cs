using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions.Evaluation;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// A value of an expression after name resolution: its kind for the type rules, how to describe it in an error, and
/// how to read it (a column of the row, or a constant). <see cref="ListItems"/> holds the elements of a list parameter.
/// </summary>
internal sealed record BoundValue(ValueKind Kind, int Offset, string Describe, bool IsLiteral)
{
    public int ColumnIndex { get; init; } = -1;

    public AthenaType? ColumnType { get; init; }

    public ConstantOperand? Constant { get; init; }

    /// <summary>The text of a text constant, kept so that it can be trimmed for comparison with a <c>char(n)</c> column.</summary>
    public string? ConstantText { get; init; }

    public IReadOnlyList<string> ListItems { get; init; } = [];

    public bool IsCharColumn => ColumnType is { Kind: ColumnKind.String } type && type.Text.StartsWith("char", StringComparison.Ordinal);

    public bool IsSinglePrecisionColumn => ColumnType is { IsSinglePrecision: true };

    /// <summary>The operand; <paramref name="trimTrailingSpaces"/> when text meets a <c>char(n)</c> column.</summary>
    public Operand Operand(bool trimTrailingSpaces) =>
        ColumnType is { } type ? new ColumnOperand(ColumnIndex, type, trimTrailingSpaces || IsCharColumn)
        : ConstantText is { } text ? ConstantOperand.OfText(text, trimTrailingSpaces)
        : Constant ?? throw new InvalidOperationException("a NULL or list value has no single operand");

    /// <summary>The operand for comparing with <paramref name="other"/>: a constant meeting a <c>real</c> column is rounded as the column is.</summary>
    public Operand OperandAgainst(BoundValue other, bool trimTrailingSpaces) =>
        Constant is { } constant && other.IsSinglePrecisionColumn && Kind is ValueKind.Number or ValueKind.Double
            ? constant.AsSinglePrecision()
            : Operand(trimTrailingSpaces);
}
