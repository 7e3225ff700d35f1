using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions;

namespace SoxAuto.Core.Catalog;

/// <summary>Rules on an item's checks: unique ids, references to declared columns only, and check coverage.</summary>
internal static class CheckReferenceValidator
{
    public static void Validate(CatalogItem item, List<CatalogProblem> problems)
    {
        foreach (IGrouping<string, CheckDefinition> group in item.Checks.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(CatalogProblem.Error(CatalogRules.CheckDuplicateId, group.Last().Location,
                $"check id '{group.Key}' is used more than once", "give every check of the item its own id"));
        }

        foreach (CheckDefinition check in item.Checks)
        {
            foreach ((string column, string role) in ReferencedColumns(check))
            {
                ColumnDefinition? declared = item.FindColumn(column);
                if (declared is null)
                {
                    problems.Add(CatalogProblem.Error(CatalogRules.CheckUnknownColumn, check.Location,
                        $"check '{check.Id}' names column '{column}' ({role}), which the item does not declare",
                        $"declared columns: {string.Join(", ", item.Columns.Select(c => c.Name))}"));
                }
                else if (role == "summed column" && declared.Type.Kind is not (ColumnKind.Decimal or ColumnKind.Integer))
                {
                    problems.Add(CatalogProblem.Error(CatalogRules.CheckDefinition, check.Location,
                        $"check '{check.Id}' sums '{column}', a {declared.Type} column", "control totals add up decimal or integer columns"));
                }
                else if (role == "range column" && declared.Type.Kind is ColumnKind.String or ColumnKind.Boolean or ColumnKind.Other)
                {
                    problems.Add(CatalogProblem.Error(CatalogRules.CheckDefinition, check.Location,
                        $"check '{check.Id}' bounds '{column}', a {declared.Type} column", "range checks apply to dates, timestamps and numbers"));
                }
            }

            CheckExpressionValidator.Validate(item, check, problems);
            if (check is CriticalColumnsCheck { Columns.Count: 0 } && !item.Columns.Any(c => c.IsCritical))
            {
                problems.Add(CatalogProblem.Error(CatalogRules.CheckDefinition, check.Location,
                    $"check '{check.Id}' names no columns and the item marks none critical", "list columns: or mark columns critical: true"));
            }
        }

        // Coverage counts the checks that will run: a disabled check evidences nothing, so an item whose only
        // completeness check is disabled has no completeness evidence.
        RequireCoverage(item, CheckCategory.Completeness, "add completeness.row_count (an independent count) or completeness.critical_columns", problems);
        RequireCoverage(item, CheckCategory.Accuracy, "add accuracy.control_total, accuracy.witness, accuracy.exclusion, uniqueness or range", problems);
    }

    private static void RequireCoverage(CatalogItem item, CheckCategory category, string fix, List<CatalogProblem> problems)
    {
        if (item.Checks.Any(c => c.Category == category && c.Enabled))
        {
            return;
        }

        string name = category == CheckCategory.Completeness ? "completeness" : "accuracy";
        string[] disabled = item.Checks.Where(c => c.Category == category).Select(c => $"'{c.Id}'").ToArray();
        string what = disabled.Length == 0 ? $"declares no {name} check" : $"has no enabled {name} check ({string.Join(", ", disabled)} disabled)";
        problems.Add(CatalogProblem.Error(CatalogRules.CheckCoverage, new SourceLocation(item.FileName, 1, 1), $"item '{item.Id}' {what}",
            disabled.Length == 0 ? fix : "enable it, or " + fix));
    }

    private static IEnumerable<(string Column, string Role)> ReferencedColumns(CheckDefinition check) => check switch
    {
        CriticalColumnsCheck critical => critical.Columns.Select(c => (c, "critical column")),
        ControlTotalCheck total => total.GroupBy.Select(c => (c, "group_by column")).Prepend((total.Column, "summed column")),
        UniquenessCheck unique => unique.Columns.Select(c => (c, "unique column")),
        RangeCheck range => [(range.Column, "range column")],
        WitnessCheck witness => witness.KeyColumns.Select(c => (c, "witness key"))
            .Concat(witness.Records.SelectMany(r => r.Values.Keys).Distinct(StringComparer.Ordinal).Select(c => (c, "witness value"))),
        _ => [],
    };
}
