namespace SoxAuto.Core.Data;

/// <summary>The columns of a result, in order, as the catalog declares them.</summary>
public sealed class ResultSchema
{
    public ResultSchema(IReadOnlyList<ColumnSchema> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("a result has at least one column", nameof(columns));
        }

        Columns = columns;
    }

    public IReadOnlyList<ColumnSchema> Columns { get; }

    public int Count => Columns.Count;

    public int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public override string ToString() => string.Join(", ", Columns.Select(c => $"{c.Name} {c.Type}"));
}
