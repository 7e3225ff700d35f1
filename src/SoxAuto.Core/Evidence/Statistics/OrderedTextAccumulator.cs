using System.Text.Json;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>
/// varchar, date and timestamp: min and max by ordinal (byte, i.e. code point) order of the canonical text — which
/// for dates and timestamps is chronological order — written as Athena rendered them.
/// </summary>
internal sealed class OrderedTextAccumulator(ColumnSchema column) : ColumnAccumulator(column)
{
    private readonly TextSlot _minKey = new();
    private readonly TextSlot _minText = new();
    private readonly TextSlot _maxKey = new();
    private readonly TextSlot _maxText = new();
    private bool _any;

    protected override void AddValue(TypedRow row, int index)
    {
        ReadOnlySpan<byte> key = row.Canonical(index);
        if (!_any || key.SequenceCompareTo(_minKey.Value) < 0)
        {
            _minKey.Set(key);
            _minText.Set(row.Text(index));
        }

        if (!_any || key.SequenceCompareTo(_maxKey.Value) > 0)
        {
            _maxKey.Set(key);
            _maxText.Set(row.Text(index));
        }

        _any = true;
    }

    protected override void WriteValueStatistics(Utf8JsonWriter json)
    {
        _minText.Write(json, "min", _any);
        _maxText.Write(json, "max", _any);
    }
}
