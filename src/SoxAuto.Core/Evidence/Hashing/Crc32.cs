using System.Buffers.Binary;

namespace SoxAuto.Core.Evidence.Hashing;

/// <summary>
/// The CRC-32 of zip and gzip (ISO-HDLC: polynomial 0xEDB88320 reflected, initial and final value 0xFFFFFFFF). It is a
/// checksum the formats require, not a security measure. Table-driven, eight bytes per step ("slicing-by-8") because
/// it runs over every byte of the extract twice (the gzip trailer and the zip entry); the one-table byte loop is the
/// same algorithm, just four to five times slower. The BCL has no public CRC-32 and System.IO.Hashing is not among
/// the project's packages.
/// </summary>
internal sealed class Crc32
{
    private static readonly uint[] Table = BuildTable();

    private uint _state = 0xFFFFFFFFu;

    /// <summary>The CRC of everything appended so far.</summary>
    public uint Value => ~_state;

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        Crc32 crc = new();
        crc.Append(data);
        return crc.Value;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        uint crc = _state;
        uint[] table = Table;
        while (data.Length >= 8)
        {
            uint low = crc ^ BinaryPrimitives.ReadUInt32LittleEndian(data);
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = table[(7 * 256) + (low & 0xFF)] ^ table[(6 * 256) + ((low >> 8) & 0xFF)] ^
                  table[(5 * 256) + ((low >> 16) & 0xFF)] ^ table[(4 * 256) + (low >> 24)] ^
                  table[(3 * 256) + (high & 0xFF)] ^ table[(2 * 256) + ((high >> 8) & 0xFF)] ^
                  table[256 + ((high >> 16) & 0xFF)] ^ table[high >> 24];
            data = data[8..];
        }

        foreach (byte b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _state = crc;
    }

    // Table k maps a byte to its CRC contribution k positions further on; table 0 is the classic byte table.
    private static uint[] BuildTable()
    {
        uint[] table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        for (int k = 1; k < 8; k++)
        {
            for (int i = 0; i < 256; i++)
            {
                uint previous = table[((k - 1) * 256) + i];
                table[(k * 256) + i] = table[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return table;
    }
}
