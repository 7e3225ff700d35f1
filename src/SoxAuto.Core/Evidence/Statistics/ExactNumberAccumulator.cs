using System.Numerics;
using System.Text.Json;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>
/// Integers and decimals: min, max and the exact sum, as decimal strings at the column's scale. The sum runs in
/// <see cref="Int128"/> and spills into a <see cref="BigInteger"/> on the rare overflow (38-digit decimals), so it is
/// never rounded and never wraps.
/// </summary>
internal sealed class ExactNumberAccumulator(ColumnSchema column) : ColumnAccumulator(column)
{
    // Every value of a column has the column's scale, so min, max and sum work on the unscaled integers.
    private readonly int _scale = column.Type.Kind == ColumnKind.Decimal ? column.Type.Scale : 0;
    private Int128 _min;
    private Int128 _max;
    private bool _any;
    private Int128 _sum;
    private BigInteger _spilled;

    protected override void AddValue(TypedRow row, int index)
    {
        Int128 value = row.GetDecimal(index).Unscaled;
        if (!_any)
        {
            _min = value;
            _max = value;
            _any = true;
        }
        else if (value < _min)
        {
            _min = value;
        }
        else if (value > _max)
        {
            _max = value;
        }

        Int128 sum = unchecked(_sum + value);

        // Overflow happened when both addends have the same sign and the result's sign differs: spill, never wrap.
        if (((_sum ^ sum) & (value ^ sum)) < 0)
        {
            _spilled += _sum;
            sum = value;
        }

        _sum = sum;
    }

    protected override void WriteValueStatistics(Utf8JsonWriter json)
    {
        WriteOptional(json, "min", _any ? ScaledDecimal.Format(_min, _scale) : null);
        WriteOptional(json, "max", _any ? ScaledDecimal.Format(_max, _scale) : null);
        json.WriteString("sum", ScaledDecimal.Format(_spilled + _sum, _scale));
    }

    internal static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
