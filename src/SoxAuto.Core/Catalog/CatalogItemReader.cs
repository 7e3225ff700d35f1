using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using YamlDotNet.RepresentationModel;

namespace SoxAuto.Core.Catalog;

/// <summary>Maps one item file's YAML onto a <see cref="CatalogItem"/>, reporting every structural problem it meets.</summary>
internal static class CatalogItemReader
{
    private static readonly string[] ItemFields =
    [
        "id", "title", "control", "description", "source_system", "databases", "gl_accounts", "sources",
        "parameters", "query", "columns", "checks",
    ];

    public static CatalogItem? Read(YamlMappingNode root, YamlSource source, string fileSha256)
    {
        YamlMappingReader item = new(root, source, "item");
        string? id = item.String("id", required: true, "the item id, equal to the file name (e.g. IPE_07)");
        YamlMappingReader reader = id is null ? item : item.Nested(root, id);
        string? title = reader.String("title", required: true, "a one-line title");
        string? control = reader.String("control", required: true, "the control this item supports, e.g. C-PG-1");
        string? description = reader.String("description", required: true, "what the IPE holds and why the control needs it");
        string? sourceSystem = reader.String("source_system", required: true, "e.g. NAV, OMS, BOB, Seller Center");
        IReadOnlyList<string>? databases = reader.StringList("databases", required: true, "the Athena databases the query reads");
        IReadOnlyList<string> glAccounts = reader.StringList("gl_accounts", required: false) ?? [];
        IReadOnlyList<SourceTable> sources = ReadSources(reader);
        IReadOnlyList<ParameterDefinition> parameters = ReadParameters(reader);
        QueryText? query = reader.Text("query", required: true, "the Athena (Trino) SELECT statement");
        IReadOnlyList<ColumnDefinition>? columns = ReadColumns(reader);
        IReadOnlyList<CheckDefinition> checks = CheckReader.ReadAll(reader);
        reader.ReportUnknownFields(ItemFields);

        if (id is null || title is null || control is null || description is null || sourceSystem is null ||
            databases is null || query is null || columns is null)
        {
            return null;
        }

        return new CatalogItem
        {
            Id = id,
            Title = title,
            Control = control,
            Description = description.Trim(),
            SourceSystem = sourceSystem,
            Databases = databases,
            GlAccounts = glAccounts,
            Sources = sources,
            Parameters = parameters,
            Query = query,
            Columns = columns,
            Checks = checks,
            FileName = source.File,
            FileSha256 = fileSha256,
        };
    }

    private static List<SourceTable> ReadSources(YamlMappingReader reader)
    {
        List<SourceTable> sources = [];
        foreach (YamlMappingNode node in reader.MappingList("sources", required: false) ?? [])
        {
            YamlMappingReader entry = reader.Nested(node, "source");
            string? athena = entry.String("athena", required: true, "the Athena table, database.table");
            string? sqlServer = entry.String("sql_server", required: false);
            entry.ReportUnknownFields(["athena", "sql_server"]);
            if (athena is not null)
            {
                sources.Add(new SourceTable(athena, sqlServer, entry.Location));
            }
        }

        return sources;
    }

    private static List<ParameterDefinition> ReadParameters(YamlMappingReader reader)
    {
        List<ParameterDefinition> parameters = [];
        foreach (YamlMappingNode node in reader.MappingList("parameters", required: false) ?? [])
        {
            YamlMappingReader entry = reader.Nested(node, "parameter");
            string? name = entry.String("name", required: true, "the name used in the query as :name");
            YamlMappingReader named = name is null ? entry : reader.Nested(node, $"parameter '{name}'");
            string? typeText = named.String("type", required: true, $"one of {string.Join(", ", ParameterTypes.Names)}");
            string? from = named.String("from", required: false);
            YamlNode? valueNode = named.Find("value");
            string? description = named.String("description", required: false);
            named.ReportUnknownFields(["name", "type", "from", "value", "description"]);
            if (name is null || typeText is null)
            {
                continue;
            }

            if (!ParameterTypes.TryParse(typeText, out ParameterType type))
            {
                named.Error(CatalogRules.ParameterDefinition, named.Find("type")!, $"parameter '{name}': unknown type '{typeText}'",
                    $"use one of {string.Join(", ", ParameterTypes.Names)}");
                continue;
            }

            ParameterValue? value = null;
            if ((from is null) == (valueNode is null))
            {
                named.Error(CatalogRules.ParameterDefinition, node, $"parameter '{name}' needs exactly one of 'from' and 'value'",
                    "from: names a run value such as cutoff_date; value: gives a literal");
                continue;
            }

            if (valueNode is not null)
            {
                value = ParameterValueParser.Parse(valueNode, type, out string? error);
                if (value is null)
                {
                    named.Error(CatalogRules.ParameterValue, valueNode, $"parameter '{name}': {error}", "fix the literal value");
                    continue;
                }
            }

            parameters.Add(new ParameterDefinition(name, type, from, value, description, named.Location));
        }

        return parameters;
    }

    private static List<ColumnDefinition>? ReadColumns(YamlMappingReader reader)
    {
        IReadOnlyList<YamlMappingNode>? nodes = reader.MappingList("columns", required: true, "the output columns, in query order");
        if (nodes is null)
        {
            return null;
        }

        List<ColumnDefinition> columns = [];
        foreach (YamlMappingNode node in nodes)
        {
            YamlMappingReader entry = reader.Nested(node, "column");
            string? name = entry.String("name", required: true, "the column name exactly as Athena returns it");
            YamlMappingReader named = name is null ? entry : reader.Nested(node, $"column '{name}'");
            string? typeText = named.String("type", required: true, "an Athena type such as varchar, bigint, decimal(38,2), date, timestamp");
            bool key = named.Bool("key", false);
            bool critical = named.Bool("critical", false);
            bool nullable = named.Bool("nullable", !key);
            string? description = named.String("description", required: false);
            named.ReportUnknownFields(["name", "type", "key", "critical", "nullable", "description"]);
            if (name is null || typeText is null)
            {
                continue;
            }

            if (!AthenaType.TryParse(typeText, out AthenaType? type, out string? error))
            {
                named.Error(CatalogRules.ColumnType, named.Find("type")!, $"column '{name}': {error}",
                    "use an Athena type: varchar, bigint, integer, decimal(p,s), double, boolean, date, timestamp, …");
                continue;
            }

            columns.Add(new ColumnDefinition(name, type, key, critical, nullable, description, named.Location));
        }

        return columns;
    }
}
