using System.Text.RegularExpressions;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Runs;
using SoxAuto.Core.Sql;

namespace SoxAuto.Core.Catalog;

/// <summary>
/// The semantic rules of the catalog, applied after loading: ids, parameters, query safety and determinism, columns and
/// checks. Each finding names its rule (<see cref="CatalogRules"/>) and says how to fix it.
/// </summary>
public static partial class CatalogValidator
{
    public static IReadOnlyList<CatalogProblem> Validate(IReadOnlyList<CatalogItem> items, CatalogSettings settings, string? emptyDirectory)
    {
        List<CatalogProblem> problems = [];
        if (emptyDirectory is not null)
        {
            problems.Add(CatalogProblem.Error(CatalogRules.NoItems, SourceLocation.InFile(emptyDirectory),
                "the catalog folder holds no .yaml files", "add one <ID>.yaml file per catalog item"));
        }

        foreach (IGrouping<string, CatalogItem> duplicate in items.GroupBy(i => i.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            string files = string.Join(", ", duplicate.Select(i => i.FileName));
            foreach (CatalogItem item in duplicate)
            {
                problems.Add(CatalogProblem.Error(CatalogRules.DuplicateId, new SourceLocation(item.FileName, 1, 1),
                    $"item id '{item.Id}' is declared in more than one file ({files})", "give every item its own id"));
            }
        }

        foreach (CatalogItem item in items)
        {
            ValidateItem(item, settings, problems);
        }

        return problems;
    }

    private static void ValidateItem(CatalogItem item, CatalogSettings settings, List<CatalogProblem> problems)
    {
        SourceLocation top = new(item.FileName, 1, 1);
        if (!IdRegex().IsMatch(item.Id))
        {
            problems.Add(CatalogProblem.Error(CatalogRules.InvalidId, top, $"item id '{item.Id}' is not a valid id",
                "use letters, digits and underscores, e.g. IPE_07"));
        }

        string stem = Path.GetFileNameWithoutExtension(item.FileName);
        if (!string.Equals(stem, item.Id, StringComparison.Ordinal))
        {
            problems.Add(CatalogProblem.Error(CatalogRules.IdMatchesFileName, top,
                $"item id '{item.Id}' does not match the file name '{item.FileName}'", $"rename the file to {item.Id}.yaml or change the id"));
        }

        ValidateColumns(item, problems);
        HashSet<string> used = ValidateQueries(item, problems);
        ValidateParameters(item, settings, used, problems);
        CheckReferenceValidator.Validate(item, problems);
    }

    private static void ValidateColumns(CatalogItem item, List<CatalogProblem> problems)
    {
        foreach (IGrouping<string, ColumnDefinition> group in item.Columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (ColumnDefinition column in group.Skip(1))
            {
                problems.Add(CatalogProblem.Error(CatalogRules.ColumnDuplicate, column.Location,
                    $"column '{column.Name}' is declared more than once", "Athena column names are case-insensitive and must be unique; alias one of them"));
            }
        }

        foreach (ColumnDefinition column in item.Columns.Where(c => !ColumnNameRegex().IsMatch(c.Name)))
        {
            problems.Add(CatalogProblem.Error(CatalogRules.ColumnDuplicate, column.Location,
                $"column '{column.Name}' is not a name Athena returns", "use lower-case letters, digits and underscores (Athena lower-cases column names)"));
        }

        foreach (ColumnDefinition column in item.Columns.Where(c => c.IsKey && c.IsNullable))
        {
            problems.Add(CatalogProblem.Error(CatalogRules.ColumnKey, column.Location,
                $"key column '{column.Name}' is declared nullable", "a key identifies a row and cannot be NULL; remove nullable: true"));
        }

        if (item.Columns.Count > 0 && !item.Columns.Any(c => c.IsKey))
        {
            problems.Add(CatalogProblem.Error(CatalogRules.ColumnKey, new SourceLocation(item.FileName, 1, 1),
                $"item '{item.Id}' declares no key column", "mark the columns that identify a row with key: true; the query orders by them and uniqueness is checked on them"));
        }
    }

    /// <summary>Analyses the main query and every check query; returns the parameter names they use.</summary>
    private static HashSet<string> ValidateQueries(CatalogItem item, List<CatalogProblem> problems)
    {
        HashSet<string> used = new(StringComparer.Ordinal);
        SqlAnalysis main = Analyse(item, item.Query, "query", problems, used);
        foreach (string database in item.Databases.Where(d => !main.Findings.Any() && !ReferencesDatabase(item.Query.Sql, d)))
        {
            problems.Add(CatalogProblem.Warning(CatalogRules.QueryDatabase, item.Query.Start,
                $"database '{database}' is listed but the query never reads a table of it", "remove it from databases, or qualify the table names"));
        }

        if (!HasTopLevelOrderBy(item.Query.Sql))
        {
            problems.Add(CatalogProblem.Warning(CatalogRules.QueryOrder, item.Query.Start,
                "the query has no ORDER BY at its top level", "order the rows by the key columns so that the data file and its hash are reproducible"));
        }

        foreach (CheckDefinition check in item.Checks)
        {
            if (check.SourceQuery is { } query)
            {
                Analyse(item, query, $"check '{check.Id}'", problems, used);
            }
        }

        return used;
    }

    private static SqlAnalysis Analyse(CatalogItem item, QueryText query, string what, List<CatalogProblem> problems, HashSet<string> used)
    {
        SqlAnalysis analysis = SqlStatementAnalyzer.Analyze(query.Sql);
        foreach (SqlFinding finding in analysis.Findings)
        {
            problems.Add(CatalogProblem.Error(finding.RuleId, query.LocationOf(finding.Offset), $"{what}: {finding.Message}", finding.Hint));
        }

        foreach (SqlToken parameter in analysis.NamedParameters)
        {
            used.Add(parameter.ParameterName);
            if (item.FindParameter(parameter.ParameterName) is null)
            {
                problems.Add(CatalogProblem.Error(CatalogRules.ParameterUndeclared, query.LocationOf(parameter.Start),
                    $"{what} uses :{parameter.ParameterName}, which is not declared",
                    $"declare it under parameters: with a name, a type and from: or value:"));
            }
        }

        return analysis;
    }

    private static void ValidateParameters(CatalogItem item, CatalogSettings settings, HashSet<string> used, List<CatalogProblem> problems)
    {
        RunValues sample = RunValues.For(new DateOnly(2025, 9, 30), settings.Values);
        foreach (IGrouping<string, ParameterDefinition> group in item.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(CatalogProblem.Error(CatalogRules.ParameterDefinition, group.Last().Location,
                $"parameter '{group.Key}' is declared more than once", "keep one declaration"));
        }

        foreach (ParameterDefinition parameter in item.Parameters)
        {
            if (!ParameterNameRegex().IsMatch(parameter.Name))
            {
                problems.Add(CatalogProblem.Error(CatalogRules.ParameterDefinition, parameter.Location,
                    $"parameter name '{parameter.Name}' is not valid", "use lower-case letters, digits and underscores, starting with a letter"));
            }

            if (parameter.From is { } from)
            {
                if (!sample.TryGet(from, out ParameterValue value))
                {
                    string known = string.Join(", ", RunValues.DerivedNames.Concat(settings.Values.Keys).Order(StringComparer.Ordinal));
                    problems.Add(CatalogProblem.Error(CatalogRules.ParameterDefinition, parameter.Location,
                        $"parameter '{parameter.Name}' takes its value from '{from}', which no run provides", $"use one of: {known}; or define it under values: in settings.yaml"));
                }
                else if (RunValues.Convert(value, parameter.Type) is null)
                {
                    problems.Add(CatalogProblem.Error(CatalogRules.ParameterDefinition, parameter.Location,
                        $"parameter '{parameter.Name}' is {ParameterTypes.Name(parameter.Type)} but '{from}' is {ParameterTypes.Name(value.Type)}",
                        "declare the parameter with the type of the value it takes"));
                }
            }

            bool usedByCondition = item.Checks.Any(c => ConditionTexts(c).Any(text => MentionsParameter(text, parameter.Name)));
            if (!used.Contains(parameter.Name) && !usedByCondition)
            {
                problems.Add(CatalogProblem.Warning(CatalogRules.ParameterUnused, parameter.Location,
                    $"parameter '{parameter.Name}' is declared but no query or check uses it", "remove it, or use it as :" + parameter.Name));
            }
        }
    }

    internal static IEnumerable<string> ConditionTexts(CheckDefinition check) => check switch
    {
        ExclusionCheck exclusion => [exclusion.Condition.Sql],
        RangeCheck range => new[] { range.Min?.Sql, range.Max?.Sql }.OfType<string>(),
        _ => [],
    };

    private static bool MentionsParameter(string text, string name)
    {
        (IReadOnlyList<SqlToken> tokens, _) = SqlLexer.Tokenize(text);
        return tokens.Any(t => t.Kind == SqlTokenKind.NamedParameter && t.ParameterName == name);
    }

    private static bool ReferencesDatabase(string sql, string database)
    {
        (IReadOnlyList<SqlToken> tokens, _) = SqlLexer.Tokenize(sql);
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if ((tokens[i].IsWord(database) || tokens[i].Text == $"\"{database}\"") && tokens[i + 1].Text == ".")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTopLevelOrderBy(string sql)
    {
        (IReadOnlyList<SqlToken> tokens, _) = SqlLexer.Tokenize(sql);
        SqlToken[] significant = tokens.Where(t => !t.IsTrivia).ToArray();
        int depth = 0;
        for (int i = 0; i + 1 < significant.Length; i++)
        {
            depth += significant[i].Text == "(" ? 1 : significant[i].Text == ")" ? -1 : 0;
            if (depth == 0 && significant[i].IsWord("ORDER") && significant[i + 1].IsWord("BY"))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex IdRegex();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex ColumnNameRegex();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ParameterNameRegex();
}
