using SoxAuto.Core.Data;
using SoxAuto.Core.Execution;

namespace SoxAuto.Core.Validation.Support;

/// <summary>Reads the small results of source queries (values as Athena rendered them) and explains a wrong shape.</summary>
internal static class SourceRows
{
    /// <summary>The single value of a one-row, one-column result, or the reason the result is not that.</summary>
    public static string? Single(SourceQueryResult result, string what, out string? value, out AthenaType? type)
    {
        value = null;
        type = null;
        if (result.Columns.Count != 1 || result.Rows.Count != 1)
        {
            return $"the source query must return exactly one row with one column ({what}); it returned " +
                $"{CheckFormat.Rows(result.Rows.Count)} with {result.Columns.Count} column(s){Names(result)}";
        }

        if (result.Rows[0].Count != 1)
        {
            return $"the source query's row has {result.Rows[0].Count} values for its 1 column";
        }

        type = TypeOf(result.Columns[0]);
        value = result.Rows[0][0];
        return type is null ? $"the source query's column {result.Columns[0].Name} has the unknown type '{result.Columns[0].Type}'" : null;
    }

    public static AthenaType? TypeOf(ResultColumn column) =>
        AthenaType.TryParse(column.Type, out AthenaType? type, out _) ? type : null;

    public static string Names(SourceQueryResult result) =>
        result.Columns.Count == 0 ? string.Empty : $" ({string.Join(", ", result.Columns.Select(c => $"{c.Name} {c.Type}"))})";
}
