using SoxAuto.Core.Data;

namespace SoxAuto.Core.Execution;

/// <summary>Keeps a small result's rows as text (NULL as null). Refuses more than <paramref name="maxRows"/> rows: source queries return counts and totals.</summary>
internal sealed class MaterializingConsumer(int maxRows) : IRowConsumer
{
    public List<IReadOnlyList<string?>> Rows { get; } = [];

    public void Start(ResultSchema schema)
    {
    }

    public void Consume(TypedRow row)
    {
        if (Rows.Count >= maxRows)
        {
            throw new InvalidOperationException($"a check's source query returned more than {maxRows} rows; it should return a count, totals per group or witness records");
        }

        string?[] values = new string?[row.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = row.IsNull(i) ? null : row.GetString(i);
        }

        Rows.Add(values);
    }

    public void Finish(long rowCount)
    {
    }
}
