using SoxAuto.Core.Data;

namespace SoxAuto.Core.Validation.Support;

/// <summary>
/// Keeps the first failing rows of a check (capped): the named columns, values as Athena rendered them (null for
/// NULL). Strings are only created for rows that are kept, never in the common path.
/// </summary>
internal sealed class SampleCollector(ResultSchema schema, int limit)
{
    private readonly List<IReadOnlyDictionary<string, string?>> _samples = [];

    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Samples => _samples;

    public bool IsFull => _samples.Count >= limit;

    public void Add(TypedRow row, IReadOnlyList<int> columns)
    {
        if (IsFull)
        {
            return;
        }

        Dictionary<string, string?> sample = new(StringComparer.Ordinal);
        foreach (int column in columns)
        {
            sample[schema.Columns[column].Name] = row.IsNull(column) ? null : row.GetString(column);
        }

        _samples.Add(sample);
    }

    public void Add(IReadOnlyDictionary<string, string?> sample)
    {
        if (!IsFull)
        {
            _samples.Add(sample);
        }
    }
}
