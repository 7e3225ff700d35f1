using System.Text.Json;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>
/// varchar: min and max by ordinal (byte, i.e. code point) order, like Trino's varchar ordering.
/// </summary>
internal sealed class OrderedTextAccumulator(ColumnSchema column) : ColumnAccumulator(column)
{
    private readonly TextSlot _minKey = new();
    private readonly TextSlot _minText = new();
    private readonly TextSlot _maxKey = new();
    private readonly TextSlot _maxText = new();
    private ulong _minPrefix;
    private ulong _maxPrefix;
    private bool _any;

    protected override void AddValue(TypedRow row, int index)
    {
        ReadOnlySpan<byte> key = row.Canonical(index);

        // The first 8 bytes, big-endian, order like the bytes themselves: most values are settled by one integer
        // compare, and the byte-wise compare runs only when the prefixes tie.
        ulong prefix = Prefix(key);
        if (!_any || prefix < _minPrefix || (prefix == _minPrefix && key.SequenceCompareTo(_minKey.Value) < 0))
        {
            _minPrefix = prefix;
            _minKey.Set(key);
            _minText.Set(row.Text(index));
        }

        if (!_any || prefix > _maxPrefix || (prefix == _maxPrefix && key.SequenceCompareTo(_maxKey.Value) > 0))
        {
            _maxPrefix = prefix;
            _maxKey.Set(key);
            _maxText.Set(row.Text(index));
        }

        _any = true;
    }

    private static ulong Prefix(ReadOnlySpan<byte> key)
    {
        if (key.Length >= 8)
        {
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key);
        }

        ulong prefix = 0;
        for (int i = 0; i < 8; i++)
        {
            prefix = (prefix << 8) | (i < key.Length ? key[i] : 0u);
        }

        return prefix;
    }

    protected override void WriteValueStatistics(Utf8JsonWriter json)
    {
        _minText.Write(json, "min", _any);
        _maxText.Write(json, "max", _any);
    }
}
