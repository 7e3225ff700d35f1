using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Validation;

namespace SoxAuto.Core.Execution;

/// <summary>
/// The run-time half of the catalog's coverage rule. The catalog requires an enabled completeness and accuracy check,
/// but a check can still be skipped at run time (a witness whose records are for other cutoffs). An item whose
/// completeness or accuracy checks were all skipped evidences nothing of that kind for the period, so it is an ERROR,
/// never a PASS resting on the other kind alone.
/// </summary>
internal static class EvidenceCoverage
{
    /// <summary>Why the results leave a declared category without a PASS or FAIL, or null when each has one.</summary>
    public static string? Gap(CatalogItem item, IReadOnlyList<CheckResult> results)
    {
        Dictionary<string, CheckCategory> categoryOf = item.Checks.GroupBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Category, StringComparer.Ordinal);
        foreach (CheckCategory category in item.Checks.Select(c => c.Category).Distinct().Order())
        {
            CheckResult[] ofCategory = results.Where(r => categoryOf.TryGetValue(r.Id, out CheckCategory c) && c == category).ToArray();
            if (ofCategory.Any(r => r.Status is CheckStatus.Pass or CheckStatus.Fail or CheckStatus.Error))
            {
                continue;
            }

            string name = category == CheckCategory.Completeness ? "completeness" : "accuracy";
            string skipped = ofCategory.Length == 0 ? string.Empty : $" ({string.Join(", ", ofCategory.Select(r => r.Id))} skipped)";
            return $"no {name} check was evaluated{skipped}, so the item has no {name} evidence for this cutoff";
        }

        return null;
    }
}
