using System.Globalization;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using YamlDotNet.RepresentationModel;

namespace SoxAuto.Core.Catalog;

/// <summary>Reads the <c>checks:</c> list of an item; the fields each kind accepts are documented in docs/catalog.md.</summary>
internal static class CheckReader
{
    private static readonly string[] CommonFields = ["id", "kind", "description", "enabled", "skip_reason"];

    private static readonly Dictionary<string, string[]> KindFields = new(StringComparer.Ordinal)
    {
        [CheckKinds.RowCount] = ["query", "comparison"],
        [CheckKinds.CriticalColumns] = ["columns", "non_empty", "threshold"],
        [CheckKinds.ControlTotal] = ["column", "group_by", "query", "tolerance"],
        [CheckKinds.Witness] = ["records", "query", "key"],
        [CheckKinds.Exclusion] = ["condition"],
        [CheckKinds.Uniqueness] = ["columns"],
        [CheckKinds.Range] = ["column", "min", "max", "min_inclusive", "max_inclusive", "allow_null"],
    };

    public static IReadOnlyList<CheckDefinition> ReadAll(YamlMappingReader item)
    {
        List<CheckDefinition> checks = [];
        foreach (YamlMappingNode node in item.MappingList("checks", required: false) ?? [])
        {
            CheckDefinition? check = Read(item, node);
            if (check is not null)
            {
                checks.Add(check);
            }
        }

        return checks;
    }

    private static CheckDefinition? Read(YamlMappingReader item, YamlMappingNode node)
    {
        YamlMappingReader entry = item.Nested(node, "check");
        string? id = entry.String("id", required: true, "a short snake_case id, unique within the item");
        YamlMappingReader reader = id is null ? entry : item.Nested(node, $"check '{id}'");
        string? kind = reader.String("kind", required: true, $"one of {string.Join(", ", CheckKinds.All)}");
        string? description = reader.String("description", required: false);
        bool enabled = reader.Bool("enabled", true);
        string? skipReason = reader.String("skip_reason", required: !enabled, "say why the check is switched off; it is reported as SKIPPED with this reason");
        if (id is null || kind is null)
        {
            reader.ReportUnknownFields(CommonFields);
            return null;
        }

        SourceLocation location = reader.Location;
        string[] fields = KindFields.GetValueOrDefault(kind, []);
        CheckDefinition? check = kind switch
        {
            CheckKinds.RowCount => RowCount(reader, id, description, enabled, skipReason, location),
            CheckKinds.CriticalColumns => CriticalColumns(reader, id, description, enabled, skipReason, location),
            CheckKinds.ControlTotal => ControlTotal(reader, id, description, enabled, skipReason, location),
            CheckKinds.Witness => Witness(reader, id, description, enabled, skipReason, location),
            CheckKinds.Exclusion => Exclusion(reader, id, description, enabled, skipReason, location),
            CheckKinds.Uniqueness => new UniquenessCheck(id, description, enabled, skipReason, location,
                reader.StringList("columns", required: false) ?? []),
            CheckKinds.Range => Range(reader, id, description, enabled, skipReason, location),
            _ => null,
        };
        if (check is null && !CheckKinds.All.Contains(kind))
        {
            reader.Error(CatalogRules.CheckDefinition, reader.Find("kind")!, $"check '{id}': unknown kind '{kind}'",
                $"use one of {string.Join(", ", CheckKinds.All)}");
        }

        reader.ReportUnknownFields([.. CommonFields, .. fields]);
        return check;
    }

    private static RowCountCheck? RowCount(YamlMappingReader r, string id, string? description, bool enabled, string? skip, SourceLocation at)
    {
        QueryText? query = r.Text("query", required: true, "an independent count query returning one bigint (same parameters, against the base tables)");
        string comparison = r.String("comparison", required: false) ?? "equal";
        RowCountComparison? mode = comparison switch
        {
            "equal" => RowCountComparison.Equal,
            "source_at_least_extract" => RowCountComparison.SourceAtLeastExtract,
            _ => null,
        };
        if (mode is null)
        {
            r.Error(CatalogRules.CheckDefinition, r.Find("comparison")!, $"check '{id}': unknown comparison '{comparison}'",
                "use equal or source_at_least_extract");
        }

        return query is null || mode is null ? null : new RowCountCheck(id, description, enabled, skip, at, query, mode.Value);
    }

    private static CriticalColumnsCheck? CriticalColumns(YamlMappingReader r, string id, string? description, bool enabled, string? skip, SourceLocation at)
    {
        IReadOnlyList<string> columns = r.StringList("columns", required: false) ?? [];
        bool nonEmpty = r.Bool("non_empty", false);
        decimal threshold = r.Decimal("threshold") ?? 1m;
        if (threshold is <= 0m or > 1m)
        {
            r.Error(CatalogRules.CheckDefinition, r.Find("threshold")!, $"check '{id}': threshold {threshold} is outside (0, 1]",
                "give the share of rows that must be complete, e.g. 1 for every row or 0.99");
            return null;
        }

        return new CriticalColumnsCheck(id, description, enabled, skip, at, columns, nonEmpty, threshold);
    }

    private static ControlTotalCheck? ControlTotal(YamlMappingReader r, string id, string? description, bool enabled, string? skip, SourceLocation at)
    {
        string? column = r.String("column", required: true, "the numeric column of the extract to sum");
        IReadOnlyList<string> groupBy = r.StringList("group_by", required: false) ?? [];
        QueryText? query = r.Text("query", required: true, "an independent aggregate query: the group_by columns, then the total");
        string toleranceText = r.String("tolerance", required: false) ?? "0";
        if (!ScaledDecimal.TryParse(toleranceText, out ScaledDecimal tolerance) || tolerance.Sign < 0)
        {
            r.Error(CatalogRules.CheckDefinition, r.Find("tolerance")!, $"check '{id}': tolerance '{toleranceText}' is not a non-negative decimal",
                "write an absolute amount such as 0 or 0.01");
            return null;
        }

        return column is null || query is null ? null : new ControlTotalCheck(id, description, enabled, skip, at, column, groupBy, query, tolerance);
    }

    private static WitnessCheck? Witness(YamlMappingReader r, string id, string? description, bool enabled, string? skip, SourceLocation at)
    {
        QueryText? query = r.Text("query", required: false);
        IReadOnlyList<string> key = r.StringList("key", required: false) ?? [];
        List<WitnessRecord> records = [];
        foreach (YamlMappingNode node in r.MappingList("records", required: false) ?? [])
        {
            YamlMappingReader record = r.Nested(node, $"check '{id}' record");
            string? cutoffText = record.String("cutoff", required: false);
            YamlMappingNode? values = record.Mapping("values");
            record.ReportUnknownFields(["cutoff", "values"]);
            DateOnly? cutoff = null;
            if (cutoffText is not null)
            {
                if (!DateOnly.TryParseExact(cutoffText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed))
                {
                    record.Error(CatalogRules.CheckDefinition, record.Find("cutoff")!, $"check '{id}': cutoff '{cutoffText}' is not YYYY-MM-DD", "write the cutoff this witness belongs to");
                    continue;
                }

                cutoff = parsed;
            }

            if (values is null)
            {
                record.Missing("values", "the key columns (and any expected values) of the record");
                continue;
            }

            Dictionary<string, string?> fields = new(StringComparer.Ordinal);
            foreach ((YamlNode name, YamlNode value) in values.Children)
            {
                if (name is YamlScalarNode { Value: { } column } && value is YamlScalarNode scalar)
                {
                    fields[column] = YamlMappingReader.IsNull(scalar) ? null : scalar.Value;
                }
                else
                {
                    record.Error(CatalogRules.CheckDefinition, value, $"check '{id}': witness values must be column: value pairs", "write e.g. entry_no: 239726184");
                }
            }

            records.Add(new WitnessRecord(cutoff, fields, record.Location));
        }

        bool hasRecords = r.Find("records") is not null;
        if (hasRecords == (query is not null))
        {
            r.Error(CatalogRules.CheckDefinition, r.Find("kind")!, $"check '{id}' needs exactly one of 'records' and 'query'",
                "declare the witness records, or a query that returns them from the source");
            return null;
        }

        // An empty list would trace nothing and could still read as a witness check that passed.
        if (hasRecords && r.Find("records") is YamlSequenceNode { Children.Count: 0 } empty)
        {
            r.Error(CatalogRules.CheckDefinition, empty, $"check '{id}' declares no witness records (records: [])",
                "list at least one record (values: {key column: value, …}), or remove the check");
            return null;
        }

        return new WitnessCheck(id, description, enabled, skip, at, records, query, key);
    }

    private static ExclusionCheck? Exclusion(YamlMappingReader r, string id, string? description, bool enabled, string? skip, SourceLocation at)
    {
        QueryText? condition = r.Text("condition", required: true, "a condition that must match no row, e.g. posting_date > :cutoff_date");
        return condition is null ? null : new ExclusionCheck(id, description, enabled, skip, at, condition);
    }

    private static RangeCheck? Range(YamlMappingReader r, string id, string? description, bool enabled, string? skip, SourceLocation at)
    {
        string? column = r.String("column", required: true, "the column whose values must lie in the window");
        QueryText? min = r.Text("min", required: false);
        QueryText? max = r.Text("max", required: false);
        bool minInclusive = r.Bool("min_inclusive", true);
        bool maxInclusive = r.Bool("max_inclusive", true);
        bool allowNull = r.Bool("allow_null", false);
        if (min is null && max is null)
        {
            r.Error(CatalogRules.CheckDefinition, r.Find("kind")!, $"check '{id}' needs 'min', 'max' or both", "e.g. max: :cutoff_date");
            return null;
        }

        return column is null ? null : new RangeCheck(id, description, enabled, skip, at, column, min, minInclusive, max, maxInclusive, allowNull);
    }
}
