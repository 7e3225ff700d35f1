using System.Text.Json;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>
/// date and timestamp: min and max in time order, written as Athena rendered them. Values are compared as the day
/// number or 100 ns ticks already decoded (an integer compare), falling back to the canonical text only for
/// timestamps equal to the tick, which carry finer fractions than .NET keeps.
/// </summary>
internal sealed class ChronologicalAccumulator(ColumnSchema column) : ColumnAccumulator(column)
{
    private readonly bool _isDate = column.Type.Kind == ColumnKind.Date;
    private readonly TextSlot _minText = new();
    private readonly TextSlot _minKey = new();
    private readonly TextSlot _maxText = new();
    private readonly TextSlot _maxKey = new();
    private long _min;
    private long _max;
    private bool _any;

    protected override void AddValue(TypedRow row, int index)
    {
        long value = _isDate ? row.GetDate(index).DayNumber : row.GetTimestamp(index).Ticks;
        if (!_any || value < _min || (value == _min && !_isDate && row.Canonical(index).SequenceCompareTo(_minKey.Value) < 0))
        {
            _min = value;
            _minText.Set(row.Text(index));
            _minKey.Set(row.Canonical(index));
        }

        if (!_any || value > _max || (value == _max && !_isDate && row.Canonical(index).SequenceCompareTo(_maxKey.Value) > 0))
        {
            _max = value;
            _maxText.Set(row.Text(index));
            _maxKey.Set(row.Canonical(index));
        }

        _any = true;
    }

    protected override void WriteValueStatistics(Utf8JsonWriter json)
    {
        _minText.Write(json, "min", _any);
        _maxText.Write(json, "max", _any);
    }
}
