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
    private readonly int _scale = column.Type.Kind == ColumnKind.Decimal ? column.Type.Scale : 0;
    private ScaledDecimal? _min;
    private ScaledDecimal? _max;
    private Int128 _sum;
    private BigInteger _spilled;

    protected override void AddValue(TypedRow row, int index)
    {
        ScaledDecimal value = row.GetDecimal(index);
        if (_min is not { } min || value < min)
        {
            _min = value;
        }

        if (_max is not { } max || value > max)
        {
            _max = value;
        }

        try
        {
            _sum = checked(_sum + value.Unscaled);
        }
        catch (OverflowException)
        {
            _spilled += _sum;
            _sum = value.Unscaled;
        }
    }

    protected override void WriteValueStatistics(Utf8JsonWriter json)
    {
        WriteOptional(json, "min", _min?.ToString());
        WriteOptional(json, "max", _max?.ToString());
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
