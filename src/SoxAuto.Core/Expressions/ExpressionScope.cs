using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// What an expression may name: the item's columns (with their types and positions in the row) and its parameters —
/// with their values at run time, or only their declared types when the catalog is validated.
/// </summary>
internal sealed class ExpressionScope
{
    private readonly IReadOnlyDictionary<string, ParameterType> _parameterTypes;
    private readonly IReadOnlyDictionary<string, ParameterValue>? _values;

    public ExpressionScope(IReadOnlyList<ColumnSchema> columns, IReadOnlyDictionary<string, ParameterType> parameterTypes,
        IReadOnlyDictionary<string, ParameterValue>? values)
    {
        Columns = columns;
        _parameterTypes = parameterTypes;
        _values = values;
    }

    public IReadOnlyList<ColumnSchema> Columns { get; }

    public IEnumerable<string> ParameterNames => _parameterTypes.Keys;

    /// <summary>For <c>validate-catalog</c>: the declared columns and parameter types, no values.</summary>
    public static ExpressionScope ForItem(CatalogItem item)
    {
        Dictionary<string, ParameterType> types = new(StringComparer.Ordinal);
        foreach (ParameterDefinition parameter in item.Parameters)
        {
            types.TryAdd(parameter.Name, parameter.Type);
        }

        return new(item.Columns.Select(c => new ColumnSchema(c.Name, c.Type)).ToArray(), types, null);
    }

    /// <summary>For a run: the result's columns and the values bound to the item's parameters.</summary>
    public static ExpressionScope ForRun(ResultSchema schema, IReadOnlyDictionary<string, ParameterValue> values) =>
        new(schema.Columns, values.ToDictionary(p => p.Key, p => p.Value.Type, StringComparer.Ordinal), values);

    /// <summary>The column's position; names match case-insensitively, as Trino's identifiers do. -1 if unknown.</summary>
    public int FindColumn(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public bool TryGetParameter(string name, out ParameterType type, out ParameterValue? value)
    {
        value = null;
        if (!_parameterTypes.TryGetValue(name, out type))
        {
            return false;
        }

        _values?.TryGetValue(name, out value);
        return true;
    }
}
