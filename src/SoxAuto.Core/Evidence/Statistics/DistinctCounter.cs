namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>
/// Counts the distinct non-NULL values of one column exactly, by their canonical text, up to a bound: at most
/// <see cref="MaxValues"/> values holding at most <see cref="MaxBytes"/> bytes of text. Past the bound it stops, frees
/// its memory and reports "more than <see cref="Count"/>" (<see cref="Capped"/>), so memory stays bounded however many
/// rows stream by. Values live in one byte arena with an open-addressing index: no allocation per value.
/// </summary>
internal sealed class DistinctCounter
{
    public const int MaxValues = 10_000;
    public const int MaxBytes = 256 * 1024;

    private int[] _slots = new int[64];
    private Entry[] _entries = new Entry[32];
    private byte[] _arena = new byte[4096];
    private int _arenaUsed;

    /// <summary>Distinct values seen; when <see cref="Capped"/>, the column has more than this many.</summary>
    public int Count { get; private set; }

    public bool Capped { get; private set; }

    public void Add(ReadOnlySpan<byte> value)
    {
        if (Capped)
        {
            return;
        }

        int hash = Hash(value);
        (ulong head, ulong tail) = Words(value);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (_slots[slot] != 0)
        {
            ref Entry entry = ref _entries[_slots[slot] - 1];
            if (entry.Hash == hash && entry.Length == value.Length && entry.Head == head && entry.Tail == tail &&
                (value.Length <= 16 || _arena.AsSpan(entry.Offset, entry.Length).SequenceEqual(value)))
            {
                return;
            }

            slot = (slot + 1) & mask;
        }

        if (Count == MaxValues || _arenaUsed + value.Length > MaxBytes)
        {
            Capped = true;
            _slots = [];
            _entries = [];
            _arena = [];
            return;
        }

        Store(slot, hash, value);
    }

    private void Store(int slot, int hash, ReadOnlySpan<byte> value)
    {
        if (_arenaUsed + value.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Min(MaxBytes, Math.Max(_arena.Length * 2, _arenaUsed + value.Length)));
        }

        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        value.CopyTo(_arena.AsSpan(_arenaUsed));
        (ulong head, ulong tail) = Words(value);
        _entries[Count] = new Entry(hash, _arenaUsed, value.Length, head, tail);
        _arenaUsed += value.Length;
        _slots[slot] = ++Count;
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }
    }

    // Most columns hold short codes, dates and amounts: for up to 16 bytes two overlapping 8-byte loads and a multiply
    // mix are several times cheaper than HashCode.AddBytes, and this runs for every value of every column.
    private static int Hash(ReadOnlySpan<byte> value)
    {
        ulong mixed;
        if (value.Length >= 8 && value.Length <= 16)
        {
            ulong head = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(value);
            ulong tail = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(value[^8..]);
            mixed = unchecked((head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)value.Length);
        }
        else if (value.Length < 8)
        {
            ulong packed = (ulong)value.Length;
            foreach (byte b in value)
            {
                packed = (packed << 8) | b;
            }

            mixed = unchecked(packed * 0x9E3779B97F4A7C15UL);
        }
        else
        {
            HashCode hasher = default;
            hasher.AddBytes(value);
            return hasher.ToHashCode();
        }

        return unchecked((int)(mixed ^ (mixed >> 29) ^ (mixed >> 43)));
    }

    private void Rehash()
    {
        int[] slots = new int[_slots.Length * 2];
        int mask = slots.Length - 1;
        for (int i = 0; i < Count; i++)
        {
            int slot = _entries[i].Hash & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }

        _slots = slots;
    }

    // Short values (codes, dates, flags, amounts) are compared as two 64-bit words kept in the entry itself, which
    // makes the probe a few integer compares; longer ones also compare their bytes in the arena.
    private static (ulong Head, ulong Tail) Words(ReadOnlySpan<byte> value)
    {
        if (value.Length >= 8)
        {
            return (System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(value),
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(value[^8..]));
        }

        ulong packed = 0;
        foreach (byte b in value)
        {
            packed = (packed << 8) | b;
        }

        return (packed, 0);
    }

    private readonly record struct Entry(int Hash, int Offset, int Length, ulong Head, ulong Tail);
}
