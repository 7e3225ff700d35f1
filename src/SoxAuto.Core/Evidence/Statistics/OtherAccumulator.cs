using System.Text.Json;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>Arrays, maps, rows, json, varbinary, time, zoned timestamps: no order or sum is meaningful; counts only.</summary>
internal sealed class OtherAccumulator(ColumnSchema column) : ColumnAccumulator(column)
{
    protected override void AddValue(TypedRow row, int index)
    {
    }

    protected override void WriteValueStatistics(Utf8JsonWriter json)
    {
    }
}
