namespace SoxAuto.Aws.Athena;

/// <summary>
/// How often GetQueryExecution is asked while a query runs: quickly at first (most catalog queries finish in seconds),
/// then less often, so many concurrent queries stay well under Athena's 100 requests/second account quota.
/// </summary>
internal sealed record PollSchedule(TimeSpan First, double Growth, TimeSpan Max)
{
    public static PollSchedule Default { get; } = new(TimeSpan.FromMilliseconds(200), 1.5, TimeSpan.FromSeconds(2));

    public TimeSpan Next(TimeSpan previous) =>
        previous <= TimeSpan.Zero ? First : TimeSpan.FromMilliseconds(Math.Min(Max.TotalMilliseconds, previous.TotalMilliseconds * Growth));
}
