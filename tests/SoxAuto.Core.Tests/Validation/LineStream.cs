using System.Text;
using SoxAuto.Core.IO;

namespace SoxAuto.Core.Tests.Validation;

/// <summary>A read-only stream over lazily produced lines (each already ending in LF), for inputs of millions of rows.</summary>
internal sealed class LineStream(IEnumerable<string> lines) : ReadOnlyForwardStream
{
    private readonly IEnumerator<string> _lines = lines.GetEnumerator();
    private byte[] _pending = [];
    private int _offset;

    public override int Read(byte[] buffer, int offset, int count)
    {
        int written = 0;
        while (written < count)
        {
            if (_offset == _pending.Length)
            {
                if (!_lines.MoveNext())
                {
                    break;
                }

                _pending = Encoding.UTF8.GetBytes(_lines.Current);
                _offset = 0;
            }

            int take = Math.Min(count - written, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset + written, take);
            _offset += take;
            written += take;
        }

        return written;
    }

    protected override void Dispose(bool disposing)
    {
        _lines.Dispose();
        base.Dispose(disposing);
    }
}
