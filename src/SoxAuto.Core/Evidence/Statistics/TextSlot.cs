using System.Text.Json;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>A reusable copy of one value's bytes (a running min or max): grows when needed, otherwise allocates nothing.</summary>
internal sealed class TextSlot
{
    private byte[] _bytes = new byte[32];
    private int _length;

    public ReadOnlySpan<byte> Value => _bytes.AsSpan(0, _length);

    public void Set(ReadOnlySpan<byte> value)
    {
        if (value.Length > _bytes.Length)
        {
            _bytes = new byte[Math.Max(value.Length, _bytes.Length * 2)];
        }

        value.CopyTo(_bytes);
        _length = value.Length;
    }

    /// <summary>Writes the value as a JSON string, or null when no value was seen.</summary>
    public void Write(Utf8JsonWriter json, string name, bool present)
    {
        if (present)
        {
            json.WriteString(name, Value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
