using System.Buffers;
using System.Text;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Tests.Validation;

/// <summary>Builds schemas and Athena-CSV text for tests, and feeds it through the real reader.</summary>
internal static class TestCsv
{
    public static ResultSchema Schema(params (string Name, string Type)[] columns) =>
        new(columns.Select(c => new ColumnSchema(c.Name, AthenaType.Parse(c.Type))).ToArray());

    /// <summary>The header and the rows in Athena's dialect; a null value is NULL.</summary>
    public static string Csv(ResultSchema schema, IEnumerable<string?[]> rows)
    {
        ArrayBufferWriter<byte> output = new();
        AthenaCsvWriter.WriteLine(output, schema.Columns.Select(c => c.Name).ToArray());
        foreach (string?[] row in rows)
        {
            AthenaCsvWriter.WriteLine(output, row);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    public static async Task<ResultReadSummary> ReadAsync(ResultSchema schema, IEnumerable<string?[]> rows, params IRowConsumer[] consumers)
    {
        using MemoryStream input = new(Encoding.UTF8.GetBytes(Csv(schema, rows)));
        return await ResultReader.ReadAsync(input, schema, consumers, [], CancellationToken.None);
    }
}
