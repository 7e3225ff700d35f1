using System.Text.RegularExpressions;
using SoxAuto.Core.Runs;
using YamlDotNet.RepresentationModel;

namespace SoxAuto.Core.Catalog;

/// <summary>Maps <c>settings.yaml</c> onto <see cref="CatalogSettings"/>.</summary>
internal static partial class SettingsReader
{
    public const string FileName = "settings.yaml";

    public static CatalogSettings Read(YamlMappingNode root, YamlSource source)
    {
        YamlMappingReader reader = new(root, source, "settings");
        string? region = reader.String("region", required: false);
        string? workgroup = reader.String("workgroup", required: false);
        string? outputLocation = reader.String("output_location", required: false);
        string athenaCatalog = reader.String("athena_catalog", required: false) ?? "AwsDataCatalog";
        Dictionary<string, string> databases = ReadDatabases(reader);
        Dictionary<string, ParameterValue> values = ReadValues(reader);
        reader.ReportUnknownFields(["region", "workgroup", "output_location", "athena_catalog", "databases", "values"]);
        if (outputLocation is not null && !S3OutputLocation.IsValid(outputLocation))
        {
            reader.Error(CatalogRules.Settings, reader.Find("output_location")!, $"output_location '{outputLocation}' is not an s3:// URI",
                "write s3://bucket/prefix/");
        }

        return new CatalogSettings
        {
            Region = region,
            Workgroup = workgroup,
            OutputLocation = outputLocation,
            AthenaCatalog = athenaCatalog,
            Databases = databases,
            Values = values,
            Location = reader.Location,
        };
    }

    private static Dictionary<string, string> ReadDatabases(YamlMappingReader reader)
    {
        Dictionary<string, string> databases = new(StringComparer.Ordinal);
        YamlMappingNode? mapping = reader.Mapping("databases");
        foreach ((YamlNode key, YamlNode value) in mapping?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            string? logical = (key as YamlScalarNode)?.Value;
            string? physical = (value as YamlScalarNode)?.Value;
            if (logical is null || physical is null || !DatabaseNameRegex().IsMatch(physical))
            {
                reader.Error(CatalogRules.Settings, value, $"databases: '{logical}' must map to an Athena database name",
                    "use lower-case letters, digits and underscores, e.g. nav_bi: prod_nav_bi");
                continue;
            }

            databases[logical] = physical;
        }

        return databases;
    }

    private static Dictionary<string, ParameterValue> ReadValues(YamlMappingReader reader)
    {
        Dictionary<string, ParameterValue> values = new(StringComparer.Ordinal);
        YamlMappingNode? mapping = reader.Mapping("values");
        foreach ((YamlNode key, YamlNode value) in mapping?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            string name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (value is not YamlMappingNode definition)
            {
                reader.Error(CatalogRules.Settings, value, $"values: '{name}' must be a mapping with type and value", "e.g. type: array(varchar) and value: [EC_NG]");
                continue;
            }

            YamlMappingReader entry = reader.Nested(definition, $"value '{name}'");
            string? typeText = entry.String("type", required: true, $"one of {string.Join(", ", ParameterTypes.Names)}");
            YamlNode? valueNode = entry.Find("value");
            entry.String("description", required: false);
            entry.ReportUnknownFields(["type", "value", "description"]);
            if (typeText is null)
            {
                continue;
            }

            if (!ParameterTypes.TryParse(typeText, out ParameterType type))
            {
                entry.Error(CatalogRules.Settings, entry.Find("type")!, $"value '{name}': unknown type '{typeText}'", $"use one of {string.Join(", ", ParameterTypes.Names)}");
                continue;
            }

            if (valueNode is null)
            {
                entry.Missing("value", "the value itself");
                continue;
            }

            ParameterValue? parsed = ParameterValueParser.Parse(valueNode, type, out string? error);
            if (parsed is null)
            {
                entry.Error(CatalogRules.Settings, valueNode, $"value '{name}': {error}", "fix the value");
                continue;
            }

            values[name] = parsed;
        }

        return values;
    }

    [GeneratedRegex("^[a-z0-9_]{1,255}$")]
    private static partial Regex DatabaseNameRegex();
}
