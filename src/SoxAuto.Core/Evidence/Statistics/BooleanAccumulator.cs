using System.Text.Json;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Statistics;

/// <summary>boolean: how many values are true and how many false (min and max say less).</summary>
internal sealed class BooleanAccumulator(ColumnSchema column) : ColumnAccumulator(column)
{
    private long _true;
    private long _false;

    protected override void AddValue(TypedRow row, int index)
    {
        if (row.GetBoolean(index))
        {
            _true++;
        }
        else
        {
            _false++;
        }
    }

    protected override void WriteValueStatistics(Utf8JsonWriter json)
    {
        json.WriteNumber("true_count", _true);
        json.WriteNumber("false_count", _false);
    }
}
