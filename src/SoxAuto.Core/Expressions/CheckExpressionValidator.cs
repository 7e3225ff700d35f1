using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// <c>validate-catalog</c>'s rules for the expressions of checks: exclusion conditions and range bounds compile against
/// the item's columns and parameters, with every error placed at its file, line and column.
/// </summary>
internal static class CheckExpressionValidator
{
    public static void Validate(CatalogItem item, CheckDefinition check, List<CatalogProblem> problems)
    {
        ExpressionScope scope = ExpressionScope.ForItem(item);
        switch (check)
        {
            case ExclusionCheck exclusion:
                ExpressionCompilation compiled = ExpressionCompiler.CompileCondition(exclusion.Condition.Sql, scope);
                Report(check, "condition", exclusion.Condition, compiled.Errors, problems);
                if (compiled.Succeeded && compiled.ColumnsRead.Count == 0)
                {
                    problems.Add(CatalogProblem.Error(CatalogRules.CheckExpression, exclusion.Condition.Start,
                        $"check '{check.Id}': the condition reads no column, so it is the same for every row and the check cannot find anything",
                        "name the column the condition is about, e.g. posting_date > :cutoff_date"));
                }

                break;
            case RangeCheck range when scope.FindColumn(range.Column) is var column and >= 0:
                foreach ((string field, QueryText? bound) in new[] { ("min", range.Min), ("max", range.Max) })
                {
                    if (bound is not null)
                    {
                        Report(check, field, bound, ExpressionCompiler.CompileBound(bound.Sql, scope, column).Errors, problems);
                    }
                }

                break;
        }
    }

    private static void Report(CheckDefinition check, string field, QueryText text, IReadOnlyList<ExpressionError> errors, List<CatalogProblem> problems)
    {
        foreach (ExpressionError error in errors)
        {
            string rule = error.Kind switch
            {
                ExpressionErrorKind.UnknownParameter => CatalogRules.CheckUnknownParameter,
                ExpressionErrorKind.UnknownColumn => CatalogRules.CheckUnknownColumn,
                _ => CatalogRules.CheckExpression,
            };
            problems.Add(CatalogProblem.Error(rule, text.LocationOf(error.Offset), $"check '{check.Id}' {field}: {error.Message}", error.Hint));
        }
    }
}
