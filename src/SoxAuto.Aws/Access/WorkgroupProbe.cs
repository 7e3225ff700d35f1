using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Access;

/// <summary>
/// Probe 3: Athena answers and the workgroup exists and is enabled; reports where it puts results (and whether it
/// enforces that), its encryption and whether it manages results itself — what decides how soxauto reads results.
/// </summary>
public sealed class WorkgroupProbe : IAccessProbe
{
    public const string ProbeName = "workgroup";

    public string Name => ProbeName;

    public IReadOnlyList<string> Needs => [CredentialsProbe.ProbeName, CallerIdentityProbe.ProbeName];

    public TimeSpan Timeout => TimeSpan.FromSeconds(20);

    public string TimeoutFix => "Athena did not answer; check the network, proxy and --endpoint-url / AWS_ENDPOINT_URL_ATHENA";

    public async Task<ProbeResult> RunAsync(AccessProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string name = context.Settings.Workgroup;
        string region = context.RequireSession().Region.SystemName;
        string origin = context.Settings.Origins.GetValueOrDefault("workgroup", "default");
        origin = origin == "flag" ? "--workgroup" : origin;
        string choose = "choose another with --workgroup, SOXAUTO_WORKGROUP or workgroup in catalog/settings.yaml";
        WorkGroup? workGroup;
        try
        {
            // moto (and only moto) answers {"WorkGroup": null} for an unknown name, so null is "not found" too.
            workGroup = (await context.Athena().GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = name }, cancellationToken))?.WorkGroup;
        }
        catch (InvalidRequestException)
        {
            workGroup = null;
        }
        catch (AthenaException ex) when (ex.ErrorCode is "AccessDeniedException")
        {
            return ProbeResult.Fail(Name, $"not allowed to read Athena workgroup '{name}' in {region}",
                $"the role needs athena:GetWorkGroup (and athena:StartQueryExecution, athena:GetQueryExecution) on workgroup/{name}");
        }
        catch (AthenaException ex)
        {
            return ProbeResult.Fail(Name, $"Athena in {region} did not answer GetWorkGroup ({ex.ErrorCode}{Status(ex)})",
                "check the network, proxy and --endpoint-url / AWS_ENDPOINT_URL_ATHENA");
        }

        if (workGroup is null)
        {
            return ProbeResult.Fail(Name, $"Athena workgroup '{name}' (from {origin}) does not exist in {region}", $"{choose}, or check the region");
        }

        if (string.Equals(workGroup.State, "DISABLED", StringComparison.OrdinalIgnoreCase))
        {
            return ProbeResult.Fail(Name, $"Athena workgroup '{name}' is DISABLED", $"ask the Athena administrator to enable it, or {choose}");
        }

        context.WorkGroup = workGroup;
        return ProbeResult.Pass(Name, Describe(workGroup));
    }

    private static string Describe(WorkGroup workGroup)
    {
        WorkGroupConfiguration? configuration = workGroup.Configuration;
        string? location = configuration?.ResultConfiguration?.OutputLocation;
        bool enforced = configuration?.EnforceWorkGroupConfiguration == true;
        string results = configuration?.ManagedQueryResultsConfiguration?.Enabled == true
            ? "managed query results (no S3 result files)"
            : location is null ? "no output location of its own" : $"output location {location}" + (enforced ? " (enforced)" : " (not enforced)");
        string encryption = configuration?.ResultConfiguration?.EncryptionConfiguration?.EncryptionOption ?? "none";
        return $"'{workGroup.Name}' {workGroup.State ?? "ENABLED"}; {results}; result encryption {encryption}";
    }

    private static string Status(AthenaException ex) => ex.StatusCode is { } status ? $", HTTP {status}" : string.Empty;
}
