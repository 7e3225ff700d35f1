namespace SoxAuto.Core.IO;

/// <summary>
/// A read-only forward stream whose reading is naturally asynchronous (network pages, background downloads).
/// Subclasses implement <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>; the array and synchronous forms
/// delegate to it (the pipeline reads asynchronously; the synchronous form exists for <see cref="Stream"/>'s contract).
/// </summary>
public abstract class AsyncReadOnlyStream : ReadOnlyForwardStream
{
    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
