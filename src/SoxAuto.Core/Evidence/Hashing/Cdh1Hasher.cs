using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Hashing;

/// <summary>
/// CDH-1, the canonical dataset hash (docs/evidence-format.md):
/// <c>SHA-256("CDH-1\n" ‖ header ‖ rows)</c>, the header being <c>name:type\n</c> per column and one more <c>\n</c>, each
/// value <c>0x00</c> for NULL or <c>0x01 ‖ uint32 BE length ‖ canonical UTF-8 text</c>. The canonical text comes from
/// <see cref="TypedRow.Canonical"/>. Values are framed into one pooled buffer and hashed in large blocks: nothing is
/// allocated per row or value, because this runs for every value of the extract.
/// </summary>
internal sealed class Cdh1Hasher : IRowConsumer, IDisposable
{
    private const int BufferSize = 64 * 1024;
    private const int Frame = 5;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;
    private string? _datasetSha256;

    /// <summary>The hash (64 lowercase hex) once <see cref="Finish"/> was called for a complete read.</summary>
    public string DatasetSha256 => _datasetSha256 ?? throw new InvalidOperationException("the data was not read to the end");

    public long Rows { get; private set; }

    public bool IsFinished => _datasetSha256 is not null;

    /// <summary><c>"CDH-1\n"</c>, then <c>name:type\n</c> for each column, then <c>\n</c>.</summary>
    public static byte[] Preamble(ResultSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        StringBuilder text = new("CDH-1\n");
        foreach (ColumnSchema column in schema.Columns)
        {
            text.Append(column.Name).Append(':').Append(column.Type.Text).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.Append('\n').ToString());
    }

    public void Start(ResultSchema schema) => _hash.AppendData(Preamble(schema));

    public void Consume(TypedRow row)
    {
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(Cdh1Hasher));
        for (int i = 0; i < row.Count; i++)
        {
            if (row.IsNull(i))
            {
                if (_used == buffer.Length)
                {
                    Flush();
                }

                buffer[_used++] = 0x00;
                continue;
            }

            ReadOnlySpan<byte> text = row.Canonical(i);
            if (buffer.Length - _used < Frame + text.Length)
            {
                Flush();
            }

            buffer[_used] = 0x01;
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(_used + 1), (uint)text.Length);
            _used += Frame;
            if (text.Length > buffer.Length - _used)
            {
                // A value larger than the buffer (a long text): hash it in place rather than copying it.
                Flush();
                _hash.AppendData(text);
            }
            else
            {
                text.CopyTo(buffer.AsSpan(_used));
                _used += text.Length;
            }
        }
    }

    public void Finish(long rowCount)
    {
        Flush();
        Rows = rowCount;
        _datasetSha256 = Sha256Hex.Finish(_hash);
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        _hash.Dispose();
    }

    private void Flush()
    {
        if (_used > 0)
        {
            _hash.AppendData(_buffer.AsSpan(0, _used));
            _used = 0;
        }
    }
}
