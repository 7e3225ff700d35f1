using System.Text.Json;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>
/// The statistics of one column, gathered value by value in the single read: NULL and non-NULL counts and distinct
/// values for every type; subclasses add what is meaningful for theirs (min, max, sum…).
/// </summary>
internal abstract class ColumnAccumulator(ColumnSchema column)
{
    private readonly DistinctCounter _distinct = new();

    public ColumnSchema Column { get; } = column;

    public long NullCount { get; private set; }

    public long NonNullCount { get; private set; }

    public static ColumnAccumulator For(ColumnSchema column) => column.Type.Kind switch
    {
        ColumnKind.Integer or ColumnKind.Decimal => new ExactNumberAccumulator(column),
        ColumnKind.Double => new FloatingAccumulator(column),
        ColumnKind.Boolean => new BooleanAccumulator(column),
        ColumnKind.Date or ColumnKind.Timestamp => new ChronologicalAccumulator(column),
        ColumnKind.String => new OrderedTextAccumulator(column),
        _ => new OtherAccumulator(column),
    };

    public void Add(TypedRow row, int index)
    {
        if (row.IsNull(index))
        {
            NullCount++;
            return;
        }

        NonNullCount++;
        _distinct.Add(row.Canonical(index));
        AddValue(row, index);
    }

    /// <summary>Writes this column's object of 04_data_summary.json (keys in a fixed order).</summary>
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("name", Column.Name);
        json.WriteString("type", Column.Type.Text);
        json.WriteNumber("null_count", NullCount);
        json.WriteNumber("non_null_count", NonNullCount);
        WriteValueStatistics(json);
        json.WriteNumber("distinct_count", _distinct.Count);
        json.WriteBoolean("distinct_count_capped", _distinct.Capped);
        json.WriteEndObject();
    }

    protected abstract void AddValue(TypedRow row, int index);

    protected abstract void WriteValueStatistics(Utf8JsonWriter json);
}
