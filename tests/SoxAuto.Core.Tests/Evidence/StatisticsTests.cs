using System.Text;
using System.Text.Json;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Json;
using SoxAuto.Core.Evidence.Statistics;

namespace SoxAuto.Core.Tests.Evidence;

public sealed class StatisticsTests
{
    [Fact]
    public void DistinctCounter_IsExactUpToTheBound_ThenSaysMoreThan()
    {
        DistinctCounter exact = new();
        DistinctCounter capped = new();
        for (int i = 0; i < 30_000; i++)
        {
            exact.Add(Encoding.ASCII.GetBytes((i % 9_999).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            capped.Add(Encoding.ASCII.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(9_999, exact.Count);
        Assert.False(exact.Capped);
        Assert.Equal(DistinctCounter.MaxValues, capped.Count);
        Assert.True(capped.Capped);
    }

    [Fact]
    public void DistinctCounter_StopsAtItsByteBound_ForLongValues()
    {
        DistinctCounter counter = new();
        for (int i = 0; i < 1000; i++)
        {
            counter.Add(Encoding.ASCII.GetBytes(new string('x', 1000) + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.True(counter.Capped);
        Assert.True(counter.Count * 1000 <= DistinctCounter.MaxBytes);
    }

    [Fact]
    public async Task EveryKind_GetsItsMeaningfulStatistics()
    {
        ResultSchema schema = new([
            new ColumnSchema("x", AthenaType.Parse("double")),
            new ColumnSchema("ok", AthenaType.Parse("boolean")),
            new ColumnSchema("ts", AthenaType.Parse("timestamp")),
            new ColumnSchema("a", AthenaType.Parse("array(integer)")),
            new ColumnSchema("n", AthenaType.Parse("bigint")),
        ]);
        const string csv = "\"x\",\"ok\",\"ts\",\"a\",\"n\"\n" +
            "\"1.5\",\"true\",\"2025-09-30 23:59:59.120\",\"[1]\",\"9223372036854775807\"\n" +
            "\"NaN\",\"false\",\"2025-09-30 23:59:59.500\",\"[1]\",\"9223372036854775807\"\n" +
            "\"-2.0E-3\",\"true\",\"2025-09-30 23:59:59\",,\n";

        JsonElement[] columns = await SummarizeAsync(schema, csv);

        Assert.Equal("-2.0E-3", columns[0].GetProperty("min").GetString());
        Assert.Equal("1.5", columns[0].GetProperty("max").GetString());
        Assert.Equal(1, columns[0].GetProperty("nan_count").GetInt64());
        Assert.False(columns[0].TryGetProperty("sum", out _));
        Assert.Equal(2, columns[1].GetProperty("true_count").GetInt64());
        Assert.Equal(1, columns[1].GetProperty("false_count").GetInt64());
        Assert.Equal("2025-09-30 23:59:59", columns[2].GetProperty("min").GetString());
        Assert.Equal("2025-09-30 23:59:59.500", columns[2].GetProperty("max").GetString());
        Assert.Equal(["name", "type", "null_count", "non_null_count", "distinct_count", "distinct_count_capped"],
            columns[3].EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, columns[3].GetProperty("distinct_count").GetInt32());
        Assert.Equal("18446744073709551614", columns[4].GetProperty("sum").GetString()); // beyond long: exact
    }

    [Fact]
    public async Task AllNullColumn_HasNullMinAndMax_AndZeroSum()
    {
        ResultSchema schema = new([new ColumnSchema("d", AthenaType.Parse("decimal(10,2)"))]);

        JsonElement[] columns = await SummarizeAsync(schema, "\"d\"\n\n\n");

        Assert.Equal(2, columns[0].GetProperty("null_count").GetInt64());
        Assert.Equal(JsonValueKind.Null, columns[0].GetProperty("min").ValueKind);
        Assert.Equal("0.00", columns[0].GetProperty("sum").GetString());
    }

    private static async Task<JsonElement[]> SummarizeAsync(ResultSchema schema, string csv)
    {
        ColumnStatistics statistics = new();
        using MemoryStream input = new(Encoding.UTF8.GetBytes(csv));
        await ResultReader.ReadAsync(input, schema, [statistics], [], CancellationToken.None);
        return [.. JsonDocument.Parse(EvidenceJson.Write(statistics.Write)).RootElement.GetProperty("columns").EnumerateArray()];
    }
}
