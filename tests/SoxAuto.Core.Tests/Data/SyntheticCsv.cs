using System.Text;
using SoxAuto.Core.IO;

namespace SoxAuto.Core.Tests.Data;

/// <summary>A stream producing N rows of Athena CSV on the fly (id, name, amount, day, note), without holding them in memory.</summary>
internal sealed class SyntheticCsv : ReadOnlyForwardStream
{
    private readonly int _rows;
    private readonly byte[] _line = new byte[256];
    private int _next;
    private int _lineLength;
    private int _lineOffset;

    private SyntheticCsv(int rows)
    {
        _rows = rows;
        _lineLength = Encoding.ASCII.GetBytes("\"id\",\"name\",\"amount\",\"day\",\"note\"\n", _line);
    }

    public static Stream Create(int rows) => new SyntheticCsv(rows);

    public override int Read(byte[] buffer, int offset, int count)
    {
        int written = 0;
        while (written < count)
        {
            if (_lineOffset == _lineLength)
            {
                if (_next == _rows)
                {
                    break;
                }

                _next++;
                _lineLength = FormatRow(_next);
                _lineOffset = 0;
            }

            int take = Math.Min(count - written, _lineLength - _lineOffset);
            Array.Copy(_line, _lineOffset, buffer, offset + written, take);
            _lineOffset += take;
            written += take;
        }

        return written;
    }

    // Completes synchronously, so a reader awaiting it stays on one thread (which lets tests count its allocations).
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override int Read(Span<byte> buffer)
    {
        byte[] chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            int read = Read(chunk, 0, buffer.Length);
            chunk.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private int FormatRow(int i)
    {
        Span<byte> target = _line;
        int n = 0;
        n += Put(target[n..], "\"");
        System.Buffers.Text.Utf8Formatter.TryFormat(i, target[n..], out int w);
        n += w;
        n += Put(target[n..], "\",\"customer name\",\"");
        System.Buffers.Text.Utf8Formatter.TryFormat(i % 100000, target[n..], out w);
        n += w;
        n += Put(target[n..], ".25\",\"2025-09-30\",");
        n += Put(target[n..], i % 3 == 0 ? "\n" : "\"x\"\n");
        return n;
    }

    private static int Put(Span<byte> target, string text) => Encoding.ASCII.GetBytes(text, target);
}
