using Amazon;
using Amazon.Runtime;
using SoxAuto.Aws.Athena;

namespace SoxAuto.Aws.Tests.Athena;

/// <summary>Builds clients and engines over a scripted transport, with retries that record their delays instead of sleeping.</summary>
internal static class AthenaClientFactory
{
    /// <param name="wait">What a retry's wait does besides being recorded (e.g. the user pressing Ctrl+C during it).</param>
    public static AthenaClient Create(ScriptedAthenaHandler handler, List<TimeSpan>? delays = null, int maxAttempts = 8,
        Func<CancellationToken, Task>? wait = null) =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "secret-never-logged"), RegionEndpoint.EUWest1, new Uri("https://athena.eu-west-1.amazonaws.com/"), handler,
            new SoxAuto.Aws.Athena.RetryPolicy(maxAttempts, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2),
                (delay, token) =>
                {
                    delays?.Add(delay);
                    return wait?.Invoke(token) ?? Task.CompletedTask;
                },
                () => 1.0));
}
