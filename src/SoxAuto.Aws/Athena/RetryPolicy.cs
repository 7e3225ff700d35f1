namespace SoxAuto.Aws.Athena;

/// <summary>
/// Bounded retries with exponential backoff and full jitter for errors that are safe to repeat (throttling, 5xx,
/// network). The active-query quota (<see cref="TooManyRequestsException"/>) frees up in seconds, not milliseconds,
/// so it waits longer. Delays go through an injected function so tests never sleep.
/// </summary>
internal sealed class RetryPolicy(
    int maxAttempts,
    TimeSpan baseDelay,
    TimeSpan maxDelay,
    TimeSpan quotaBaseDelay,
    Func<TimeSpan, CancellationToken, Task> delay,
    Func<double> random)
{
    public static RetryPolicy Default(TimeProvider time) => new(
        maxAttempts: 8,
        baseDelay: TimeSpan.FromMilliseconds(200),
        maxDelay: TimeSpan.FromSeconds(20),
        quotaBaseDelay: TimeSpan.FromSeconds(2),
        delay: (wait, token) => Task.Delay(wait, time, token),
        random: Random.Shared.NextDouble);

    public int MaxAttempts => maxAttempts;

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (AthenaException ex) when (ex.IsRetryable && attempt < maxAttempts && !cancellationToken.IsCancellationRequested)
            {
                RetryScope.RecordRetry();
                await delay(DelayBefore(attempt, ex is TooManyRequestsException), cancellationToken);
            }
        }
    }

    /// <summary>Full jitter: a random wait between zero and the exponential ceiling for this attempt.</summary>
    public TimeSpan DelayBefore(int attempt, bool quota)
    {
        TimeSpan first = quota ? quotaBaseDelay : baseDelay;
        double ceiling = Math.Min(maxDelay.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * random());
    }
}
