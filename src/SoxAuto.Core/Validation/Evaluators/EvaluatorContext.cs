using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>What every evaluator is built from: the item, the result's columns, the bound parameters, the cutoff and the limits.</summary>
internal sealed class EvaluatorContext(CatalogItem item, ResultSchema schema, IReadOnlyDictionary<string, ParameterValue> parameters,
    DateOnly cutoff, CheckSuiteOptions options)
{
    public CatalogItem Item => item;

    public ResultSchema Schema => schema;

    public IReadOnlyDictionary<string, ParameterValue> Parameters => parameters;

    public DateOnly Cutoff => cutoff;

    public CheckSuiteOptions Options => options;

    public ExpressionScope Scope { get; } = ExpressionScope.ForRun(schema, parameters);

    /// <summary>The position of a column the check names; a column the result lacks makes the check an ERROR.</summary>
    public int Column(string name, string role)
    {
        int index = schema.IndexOf(name);
        return index >= 0 ? index
            : throw new CheckSetupException($"the {role} '{name}' is not a column of the result ({string.Join(", ", schema.Columns.Select(c => c.Name))})");
    }

    /// <summary>The named columns, or the item's key columns when none are named.</summary>
    public int[] ColumnsOrKey(IReadOnlyList<string> names, string role)
    {
        IReadOnlyList<string> chosen = names.Count > 0 ? names : item.KeyColumns.Select(c => c.Name).ToArray();
        if (chosen.Count == 0)
        {
            throw new CheckSetupException($"the check names no {role} columns and the item declares no key");
        }

        return chosen.Select(name => Column(name, role + " column")).ToArray();
    }

    /// <summary>The key columns (for samples), as far as the result has them.</summary>
    public int[] KeyColumns => item.KeyColumns.Select(c => schema.IndexOf(c.Name)).Where(i => i >= 0).ToArray();

    /// <summary>Key columns first, then the others, without repeats.</summary>
    public int[] WithKey(IEnumerable<int> columns) => KeyColumns.Concat(columns).Distinct().ToArray();
}
