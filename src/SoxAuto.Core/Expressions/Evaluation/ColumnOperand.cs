using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>
/// A column of the row being evaluated, read through the typed row without allocating. With
/// <paramref name="trimTrailingSpaces"/> text is compared without trailing blanks, Trino's rule for <c>char(n)</c>.
/// </summary>
internal sealed class ColumnOperand(int index, AthenaType type, bool trimTrailingSpaces) : Operand
{
    private readonly bool _subTick = type.Kind == ColumnKind.Timestamp && type.Scale > 7;

    public int Index => index;

    public override bool IsNull(TypedRow row) => row.IsNull(index);

    public override ScaledDecimal Number(TypedRow row) => row.GetDecimal(index);

    public override double Double(TypedRow row) => row.GetDouble(index);

    public override ReadOnlySpan<byte> Text(TypedRow row) =>
        trimTrailingSpaces ? row.Text(index).TrimEnd((byte)' ') : row.Text(index);

    public override Temporal Temporal(TypedRow row) => type.Kind switch
    {
        ColumnKind.Date => Expressions.Temporal.FromDate(row.GetDate(index)),
        _ => new(row.GetTimestamp(index).Ticks, _subTick ? TemporalParser.Picoseconds(row.Text(index)) : 0),
    };

    public override bool Boolean(TypedRow row) => row.GetBoolean(index);
}
