using System.Collections.Concurrent;
using System.IO.Compression;

namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>
/// Writes data.csv.gz as a series of gzip members compressed in parallel (the pigz idea: RFC 1952 allows several
/// members in one file, and gzip, Python's gzip module and .NET's GZipStream read them as one stream). The caller's
/// thread only copies bytes into 1 MiB blocks; worker threads compress them; a writer thread puts the members out in
/// order. It owns <see cref="MaxBlocksInFlight"/> blocks and recycles them, so its memory is fixed (about 1.5
/// MiB a block) however large the file; when all are busy the reading thread waits — that is the back-pressure.
/// <para>
/// Compression level 1, deliberately: compression is the costliest stage of the pipeline, and on a ledger-like
/// extract level 1 runs about 5x faster than level 6 for a file about 1.6x larger (docs/performance.md has the
/// figures). zlib computes each member's CRC-32 itself. The OS byte of every member header is set to 255 ("unknown")
/// so the file does not depend on the platform that wrote it.
/// </para>
/// </summary>
internal sealed class ParallelGzipWriter : IDisposable
{
    public const int Level = 1;
    public const int BlockSize = 1 << 20;
    public static readonly int Workers = Math.Clamp(Environment.ProcessorCount, 1, 8);
    public static readonly int MaxBlocksInFlight = Workers * 2;

    // An empty data file still needs one complete member: header, an empty final deflate block (RFC 1951 3.2.6), CRC 0, size 0.
    private static ReadOnlySpan<byte> EmptyMember =>
        [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0xff, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly Stream _output;
    private readonly BlockingCollection<GzipBlock> _toCompress = new();
    private readonly BlockingCollection<GzipBlock> _toWrite = new();
    private readonly BlockingCollection<GzipBlock> _free = new();
    private readonly List<GzipBlock> _allBlocks = [];
    private readonly Thread[] _workers;
    private readonly Thread _writer;
    private GzipBlock? _current;
    private long _totalInput;
    private volatile Exception? _writeError; // set by the writer thread, read by the caller's
    private bool _finished;

    public ParallelGzipWriter(Stream output)
    {
        _output = output;
        _workers = Enumerable.Range(0, Workers).Select(i => new Thread(CompressLoop) { IsBackground = true, Name = $"soxauto-gzip-{i}" }).ToArray();
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "soxauto-gzip-writer" };
        foreach (Thread worker in _workers)
        {
            worker.Start();
        }

        _writer.Start();
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!data.IsEmpty)
        {
            ThrowIfWriterFailed();
            _current ??= NewBlock();
            int take = Math.Min(_current.Free, data.Length);
            data[..take].CopyTo(_current.Input.AsSpan(_current.Length));
            _current.Length += take;
            _totalInput += take;
            data = data[take..];
            if (_current.Free == 0)
            {
                Dispatch();
            }
        }
    }

    /// <summary>Compresses what is left, waits until every member is written, and surfaces any failure.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        if (_current is { Length: > 0 })
        {
            Dispatch();
        }

        _toCompress.CompleteAdding();
        _toWrite.CompleteAdding();
        _writer.Join();
        foreach (Thread worker in _workers)
        {
            worker.Join();
        }

        ThrowIfWriterFailed();
        if (_totalInput == 0)
        {
            _output.Write(EmptyMember);
        }
    }

    public void Dispose()
    {
        if (!_finished)
        {
            // Abandoned (a failed or cancelled read): stop the threads; the temporary file is deleted by the owner.
            _finished = true;
            _toCompress.CompleteAdding();
            _toWrite.CompleteAdding();
            _writer.Join();
            foreach (Thread worker in _workers)
            {
                worker.Join();
            }
        }

        foreach (GzipBlock block in _allBlocks)
        {
            block.Dispose();
        }

        _toCompress.Dispose();
        _toWrite.Dispose();
        _free.Dispose();
    }

    private GzipBlock NewBlock()
    {
        if (_free.TryTake(out GzipBlock? recycled))
        {
            return recycled;
        }

        if (_allBlocks.Count < MaxBlocksInFlight)
        {
            GzipBlock block = new(BlockSize);
            _allBlocks.Add(block);
            return block;
        }

        // Back-pressure: every block is in use, so the reading thread waits for the writer to free one.
        return _free.Take();
    }

    private void Dispatch()
    {
        GzipBlock block = _current!;
        _current = null;
        _toWrite.Add(block);    // order of the file
        _toCompress.Add(block); // any free worker
    }

    private void CompressLoop()
    {
        foreach (GzipBlock block in _toCompress.GetConsumingEnumerable())
        {
            try
            {
                using (GZipStream gzip = new(block.Output, new ZLibCompressionOptions { CompressionLevel = Level }, leaveOpen: true))
                {
                    gzip.Write(block.Input, 0, block.Length);
                }

                block.Output.WrittenMutable[9] = 0xff; // RFC 1952 OS field: "unknown", whatever platform wrote it
            }
            // Everything is caught: an exception escaping a worker thread would end the process instead of failing the package.
            catch (Exception ex)
            {
                block.Error = ex;
            }
            finally
            {
                block.Compressed.Set();
            }
        }
    }

    private void WriteLoop()
    {
        foreach (GzipBlock block in _toWrite.GetConsumingEnumerable())
        {
            try
            {
                block.Compressed.Wait();
                if (_writeError is null)
                {
                    if (block.Error is not null)
                    {
                        _writeError = block.Error;
                    }
                    else
                    {
                        _output.Write(block.Output.Written);
                    }
                }
            }
            // Any failure of the output (disk full, a closed or read-only stream) fails the package on the caller's
            // thread; escaping this thread would end the process.
            catch (Exception ex)
            {
                _writeError = ex;
            }
            finally
            {
                block.Recycle();
                _free.Add(block);
            }
        }
    }

    private void ThrowIfWriterFailed()
    {
        if (_writeError is { } error)
        {
            throw new IOException($"writing the compressed data file failed: {error.Message}", error);
        }
    }
}
