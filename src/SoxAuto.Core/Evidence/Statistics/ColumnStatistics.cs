using System.Text.Json;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>The statistics of <c>04_data_summary.json</c>, computed row by row in the single read of the result.</summary>
internal sealed class ColumnStatistics : IRowConsumer
{
    private ColumnAccumulator[] _columns = [];

    public long? Rows { get; private set; }

    public void Start(ResultSchema schema) => _columns = schema.Columns.Select(ColumnAccumulator.For).ToArray();

    public void Consume(TypedRow row)
    {
        ColumnAccumulator[] columns = _columns;
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i].Add(row, i);
        }
    }

    public void Finish(long rowCount) => Rows = rowCount;

    /// <summary>Writes the whole document: rows, the distinct-count bound, then one object per column.</summary>
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("rows", Rows ?? throw new InvalidOperationException("the data was not read to the end"));
        json.WriteNumber("distinct_count_limit", DistinctCounter.MaxValues);
        json.WriteStartArray("columns");
        foreach (ColumnAccumulator column in _columns)
        {
            column.Write(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
