using System.Globalization;
using Amazon.Runtime;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Sso;

namespace SoxAuto.Aws.Access;

/// <summary>
/// Runs the probes in order. Each gets its own time bound; the user's Ctrl+C still cancels everything. A probe whose
/// needs did not pass is SKIPPED, naming which; an unexpected error becomes that probe's FAIL (this is a diagnostic
/// tool: one surprise must not hide the other answers). A mistake in the user's AWS configuration
/// (<see cref="InvalidAwsConfigurationException"/>) is not a surprise and ends the run. Every reported text is scrubbed
/// of the credentials' values.
/// </summary>
public sealed class AccessProbeRunner(IReadOnlyList<IAccessProbe> probes)
{
    public static AccessProbeRunner Default { get; } = new(
    [
        new CredentialsProbe(),
        new CallerIdentityProbe(),
        new WorkgroupProbe(),
        new DatabasesProbe(),
        new OutputLocationProbe(),
        new QueryProbe(),
    ]);

    public IReadOnlyList<IAccessProbe> Probes => probes;

    public async Task<AccessReport> RunAsync(AccessProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        List<ProbeResult> results = [];

        // For each probe that did not pass: the failed probes at the root of it (itself, or what it needed).
        Dictionary<string, SortedSet<string>> blockedBy = new(StringComparer.Ordinal);
        foreach (IAccessProbe probe in probes)
        {
            SortedSet<string> causes = new(probe.Needs.Where(blockedBy.ContainsKey).SelectMany(n => blockedBy[n]), StringComparer.Ordinal);
            if (causes.Count > 0)
            {
                blockedBy[probe.Name] = causes;
                results.Add(ProbeResult.Skipped(probe.Name, $"not run: {string.Join(" and ", causes)} failed"));
                continue;
            }

            ProbeResult result = Scrub(await RunOneAsync(probe, context, cancellationToken), context.ResolvedCredentials);
            if (result.Status == ProbeStatus.Fail)
            {
                blockedBy[probe.Name] = new SortedSet<string>([probe.Name], StringComparer.Ordinal);
            }

            results.Add(result);
        }

        return new AccessReport(results);
    }

    private static async Task<ProbeResult> RunOneAsync(IAccessProbe probe, AccessProbeContext context, CancellationToken cancellationToken)
    {
        using CancellationTokenSource bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(probe.Timeout);
        try
        {
            return await probe.RunAsync(context, bound.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            string seconds = probe.Timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            string fix = ex is ProbeCancelledException cancelled ? cancelled.TimeoutFix : probe.TimeoutFix;
            return ProbeResult.Fail(probe.Name, $"no answer within {seconds} s", fix);
        }
        catch (SsoLoginRequiredException ex)
        {
            return ProbeResult.Fail(probe.Name, ex.Message, ex.Fix);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException and not InvalidAwsConfigurationException)
        {
            // Only the type and AWS's code: messages of unexpected errors are not vetted for what they contain.
            string code = ex is AmazonServiceException service ? $" ({service.ErrorCode ?? service.StatusCode.ToString()})" : string.Empty;
            return ProbeResult.Fail(probe.Name, $"unexpected {ex.GetType().Name}{code}", "try again; if it persists, report it with this output");
        }
    }

    private static ProbeResult Scrub(ProbeResult result, ImmutableCredentials? credentials)
    {
        if (credentials is null)
        {
            return result;
        }

        string[] secrets = new[] { credentials.AccessKey, credentials.SecretKey, credentials.Token }
            .Where(s => !string.IsNullOrEmpty(s) && s.Length >= 8)
            .ToArray();
        string Clean(string text) => secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));
        return result with { Detail = Clean(result.Detail), Fix = result.Fix is null ? null : Clean(result.Fix) };
    }
}
