namespace SoxAuto.Core.Execution;

/// <summary>
/// A result as a stream of bytes in Athena's CSV dialect (header line of quoted names; every non-NULL value quoted;
/// NULL an empty unquoted field; LF line ends) — whether it came from the result file or was rendered from API pages.
/// </summary>
public sealed class OpenedResult(Stream content, ResultLocation location) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    public ResultLocation Location { get; } = location;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
