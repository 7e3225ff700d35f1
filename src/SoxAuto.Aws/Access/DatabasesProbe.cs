using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Access;

/// <summary>
/// Probe 4: every Athena database the catalog's items read exists, after the settings' mapping
/// (<c>databases:</c> in settings.yaml, <c>SOXAUTO_DATABASE_&lt;NAME&gt;</c>). Names each one that is missing.
/// </summary>
public sealed class DatabasesProbe : IAccessProbe
{
    public const string ProbeName = "databases";

    public string Name => ProbeName;

    public IReadOnlyList<string> Needs => [CredentialsProbe.ProbeName, CallerIdentityProbe.ProbeName, WorkgroupProbe.ProbeName];

    public TimeSpan Timeout => TimeSpan.FromSeconds(60);

    public string TimeoutFix => "Athena's data catalog did not answer in time; try again, or check the network and proxy";

    public async Task<ProbeResult> RunAsync(AccessProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string catalogName = context.Settings.AthenaCatalog;
        string[] logicalNames = context.Databases.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (logicalNames.Length == 0)
        {
            return ProbeResult.Skipped(Name, "the catalog's items name no databases");
        }

        List<string> found = [];
        List<string> missing = [];
        List<string> failed = [];
        foreach (string logical in logicalNames)
        {
            string physical = context.Settings.PhysicalDatabase(logical);
            string label = physical == logical ? physical : $"{physical} (catalog name '{logical}')";
            try
            {
                await context.Athena().GetDatabaseAsync(new GetDatabaseRequest
                {
                    CatalogName = catalogName,
                    DatabaseName = physical,
                    WorkGroup = context.Settings.Workgroup,
                }, cancellationToken);
                found.Add(label);
            }
            catch (AthenaException ex) when (IsNotFound(ex))
            {
                missing.Add(label);
            }
            catch (AthenaException ex)
            {
                failed.Add($"{label}: {ex.ErrorCode}");
            }
        }

        if (missing.Count == 0 && failed.Count == 0)
        {
            return ProbeResult.Pass(Name, $"{found.Count} found in {catalogName}: {string.Join(", ", found)}");
        }

        List<string> problems = [];
        if (missing.Count > 0)
        {
            problems.Add($"missing from {catalogName}: {string.Join(", ", missing)}");
        }

        if (failed.Count > 0)
        {
            problems.Add($"could not be checked: {string.Join(", ", failed)}");
        }

        string fix = missing.Count > 0
            ? "map each catalog name to the real database under databases: in catalog/settings.yaml (or SOXAUTO_DATABASE_<NAME>), and check the region"
            : "the role needs athena:GetDatabase and glue:GetDatabase on the catalog and these databases";
        return ProbeResult.Fail(Name, string.Join("; ", problems), fix);
    }

    /// <summary>Athena reports a missing database as MetadataException wrapping Glue's EntityNotFoundException.</summary>
    private static bool IsNotFound(AthenaException ex) =>
        ex.ErrorCode is "EntityNotFoundException" ||
        (ex.ErrorCode is "MetadataException" or "InvalidRequestException" &&
         (ex.Message.Contains("EntityNotFoundException", StringComparison.Ordinal) || ex.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)));
}
