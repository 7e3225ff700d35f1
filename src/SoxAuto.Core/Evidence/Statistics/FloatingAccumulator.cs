using System.Text.Json;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>
/// double/real: min and max (NaN excluded, counted apart), written as Athena rendered them. No sum: a floating sum
/// depends on the order of addition and is not exact, and the evidence reports nothing it cannot reproduce.
/// </summary>
internal sealed class FloatingAccumulator(ColumnSchema column) : ColumnAccumulator(column)
{
    private readonly TextSlot _minText = new();
    private readonly TextSlot _maxText = new();
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private bool _any;
    private long _nanCount;

    protected override void AddValue(TypedRow row, int index)
    {
        double value = row.GetDouble(index);
        if (double.IsNaN(value))
        {
            _nanCount++;
            return;
        }

        if (!_any || value < _min)
        {
            _min = value;
            _minText.Set(row.Text(index));
        }

        if (!_any || value > _max)
        {
            _max = value;
            _maxText.Set(row.Text(index));
        }

        _any = true;
    }

    protected override void WriteValueStatistics(Utf8JsonWriter json)
    {
        _minText.Write(json, "min", _any);
        _maxText.Write(json, "max", _any);
        json.WriteNumber("nan_count", _nanCount);
    }
}
