using SoxAuto.Core.Catalog;

namespace SoxAuto.Core.Runs;

/// <summary>
/// The environment settings in force for a run, resolved in one documented order: command-line flag, then environment
/// variable, then <c>catalog/settings.yaml</c>. <see cref="Origins"/> records where each value came from, for the
/// execution log.
/// </summary>
public sealed record RunSettings(
    string? Region,
    string Workgroup,
    string? OutputLocation,
    string AthenaCatalog,
    IReadOnlyDictionary<string, string> Databases,
    IReadOnlyDictionary<string, string> Origins)
{
    public const string WorkgroupVariable = "SOXAUTO_WORKGROUP";
    public const string OutputLocationVariable = "SOXAUTO_OUTPUT_LOCATION";
    public const string AthenaCatalogVariable = "SOXAUTO_ATHENA_CATALOG";
    public const string DatabaseVariablePrefix = "SOXAUTO_DATABASE_";
    public const string DefaultWorkgroup = "primary";

    public static RunSettings Resolve(CatalogSettings file, SettingsOverrides flags, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);
        Dictionary<string, string> origins = new(StringComparer.Ordinal);

        string? Pick(string name, string? flag, string? fileValue, params string[] variables)
        {
            if (!string.IsNullOrWhiteSpace(flag))
            {
                origins[name] = "flag";
                return flag;
            }

            foreach (string variable in variables)
            {
                string? value = environment(variable);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    origins[name] = "environment " + variable;
                    return value;
                }
            }

            if (!string.IsNullOrWhiteSpace(fileValue))
            {
                origins[name] = "settings.yaml";
                return fileValue;
            }

            return null;
        }

        string? region = Pick("region", flags.Region, file.Region, "AWS_REGION", "AWS_DEFAULT_REGION");
        string workgroup = Pick("workgroup", flags.Workgroup, file.Workgroup, WorkgroupVariable) ?? DefaultWorkgroup;
        string? outputLocation = Pick("output_location", flags.OutputLocation, file.OutputLocation, OutputLocationVariable);
        string catalog = Pick("athena_catalog", flags.AthenaCatalog, file.AthenaCatalog, AthenaCatalogVariable) ?? "AwsDataCatalog";
        origins.TryAdd("workgroup", "default");

        Dictionary<string, string> databases = new(file.Databases, StringComparer.Ordinal);
        foreach (string logical in file.Databases.Keys)
        {
            string variable = DatabaseVariablePrefix + logical.ToUpperInvariant();
            if (environment(variable) is { Length: > 0 } mapped)
            {
                databases[logical] = mapped;
                origins["databases." + logical] = "environment " + variable;
            }
        }

        return new RunSettings(region, workgroup, outputLocation, catalog, databases, origins);
    }

    /// <summary>
    /// What is wrong with a value taken from the environment, or null. Flags are checked as they are parsed and
    /// settings.yaml as the catalog is read; environment variables are read only here, so they are checked here.
    /// </summary>
    public string? EnvironmentProblem() =>
        OutputLocation is { } location && !S3OutputLocation.IsValid(location)
            && Origins.GetValueOrDefault("output_location") == "environment " + OutputLocationVariable
            ? $"{OutputLocationVariable}='{location}' is not an S3 URI (for example {S3OutputLocation.Example}); fix or unset it"
            : null;

    /// <summary>The Athena database a logical catalog name maps to (itself when unmapped).</summary>
    public string PhysicalDatabase(string logical) => Databases.GetValueOrDefault(logical, logical);
}
