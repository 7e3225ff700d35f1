namespace SoxAuto.Aws.Athena;

/// <summary>
/// Counts the API retries made on behalf of one logical flow (one query's run), across the shared client, so the
/// evidence can record them. It flows with async calls (<see cref="AsyncLocal{T}"/>), so concurrent queries never mix.
/// </summary>
internal sealed class RetryScope : IDisposable
{
    private static readonly AsyncLocal<RetryScope?> CurrentScope = new();
    private readonly RetryScope? _parent;
    private int _retries;

    private RetryScope()
    {
        _parent = CurrentScope.Value;
        CurrentScope.Value = this;
    }

    public int Retries => Volatile.Read(ref _retries);

    public static RetryScope Begin() => new();

    public static void RecordRetry()
    {
        for (RetryScope? scope = CurrentScope.Value; scope is not null; scope = scope._parent)
        {
            Interlocked.Increment(ref scope._retries);
        }
    }

    public void Dispose() => CurrentScope.Value = _parent;
}
