using System.Text;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Tests.Data;

public sealed class ResultReaderTests
{
    private static ResultSchema Schema(params (string Name, string Type)[] columns) =>
        new(columns.Select(c => new ColumnSchema(c.Name, AthenaType.Parse(c.Type))).ToArray());

    private static async Task<RowCollector> ReadAsync(string csv, ResultSchema schema, int bufferSize = ResultReader.DefaultBufferSize)
    {
        RowCollector collector = new();
        using MemoryStream input = new(Encoding.UTF8.GetBytes(csv));
        await ResultReader.ReadAsync(input, schema, [collector], [collector], CancellationToken.None, bufferSize);
        return collector;
    }

    [Theory]
    [InlineData(ResultReader.DefaultBufferSize)]
    [InlineData(16)] // forces rows across buffer boundaries and buffer growth
    public async Task NullAndEmptyString_StayDistinct_AndQuotesCommasNewlinesUnicodeAreData(int bufferSize)
    {
        const string csv = "\"id\",\"name\"\n" +
            "\"1\",\n" +                              // NULL
            "\"2\",\"\"\n" +                           // empty string
            "\"3\",\"say \"\"hi\"\", ok\"\n" +         // quotes and a comma
            "\"4\",\"line one\nline two\r\n\"\n" +     // LF and CR inside quotes
            "\"5\",\"Zoë – 東京 🚀\"\n";

        RowCollector rows = await ReadAsync(csv, Schema(("id", "bigint"), ("name", "varchar")), bufferSize);

        Assert.Equal(5, rows.FinishedRows);
        Assert.Null(rows.Values[0][1]);
        Assert.Equal(string.Empty, rows.Values[1][1]);
        Assert.Equal("say \"hi\", ok", rows.Values[2][1]);
        Assert.Equal("line one\nline two\r\n", rows.Values[3][1]);
        Assert.Equal("Zoë – 東京 🚀", rows.Values[4][1]);
        Assert.Equal(csv, Encoding.UTF8.GetString(rows.Raw.ToArray()));
    }

    [Fact]
    public async Task OneColumnNullRow_IsAnEmptyLine()
    {
        RowCollector rows = await ReadAsync("\"v\"\n\"a\"\n\n\"\"\n", Schema(("v", "varchar")));

        Assert.Equal(["a", null, string.Empty], rows.Values.Select(r => r[0]));
    }

    [Fact]
    public async Task EveryDeclaredType_IsDecoded_AndCanonicalised()
    {
        const string csv = "\"i\",\"d\",\"x\",\"b\",\"dt\",\"ts\",\"r\",\"o\"\n" +
            "\"-42\",\"-0.00\",\"-0.0\",\"true\",\"2025-09-30\",\"2025-09-30 23:59:59.120\",\"1.5\",\"[1, 2]\"\n" +
            "\"0\",\"12345678901234567890123456789012345.67\",\"NaN\",\"false\",\"2024-02-29\",\"2025-10-01 00:00:00.000\",\"1.0E20\",\"{k=1}\"\n";
        ResultSchema schema = Schema(("i", "bigint"), ("d", "decimal(38,2)"), ("x", "double"), ("b", "boolean"),
            ("dt", "date"), ("ts", "timestamp"), ("r", "double"), ("o", "array(integer)"));

        RowCollector rows = await ReadAsync(csv, schema);

        Assert.Equal(new string?[] { "-42", "0.00", "0000000000000000", "true", "2025-09-30", "2025-09-30T23:59:59.12", "3ff8000000000000", "[1, 2]" }, rows.Canonical[0]);
        Assert.Equal(new string?[] { "0", "12345678901234567890123456789012345.67", "7ff8000000000000", "false", "2024-02-29", "2025-10-01T00:00:00", "4415af1d78b58c40", "{k=1}" }, rows.Canonical[1]);
    }

    [Theory]
    [InlineData("decimal(38,2)", "1.234", "not a decimal(38,2)")]
    [InlineData("decimal(5,2)", "1234.5", "not a decimal(5,2)")]
    [InlineData("date", "2025-02-29", "not a date")]
    [InlineData("bigint", "1.0", "not a bigint")]
    [InlineData("integer", "3000000000", "not a integer")]
    [InlineData("boolean", "1", "not a boolean")]
    [InlineData("timestamp", "2025-09-30T10:00:00", "not a timestamp")]
    [InlineData("double", "1,5", "not a double")]
    public async Task ValueOfTheWrongType_IsAnErrorNamingRowAndColumn_NeverCoerced(string type, string value, string message)
    {
        string csv = $"\"k\",\"v\"\n\"a\",\"1\"\n\"b\",\"{value}\"\n";
        ResultSchema schema = Schema(("k", "varchar"), ("v", type == "decimal(38,2)" || type == "decimal(5,2)" ? type : type));
        string first = type switch { "date" => "2025-01-01", "boolean" => "true", "timestamp" => "2025-01-01 00:00:00.000", _ => "1" };
        csv = csv.Replace("\"a\",\"1\"", $"\"a\",\"{first}\"", StringComparison.Ordinal);

        DataValueException error = await Assert.ThrowsAsync<DataValueException>(() => ReadAsync(csv, schema));

        Assert.Equal(2, error.Row);
        Assert.Equal("v", error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8_IsAnErrorNamingRowAndColumn()
    {
        byte[] csv = [.. "\"k\",\"v\"\n\"a\",\"fine\"\n\"b\",\"caf"u8.ToArray(), 0xC3, 0x28, .. "\"\n"u8.ToArray()];
        using MemoryStream input = new(csv);

        DataValueException error = await Assert.ThrowsAsync<DataValueException>(
            () => ResultReader.ReadAsync(input, Schema(("k", "varchar"), ("v", "varchar")), [], [], CancellationToken.None));

        Assert.Equal(2, error.Row);
        Assert.Equal("v", error.Column);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"a\",\"b\"\n\"1\",\"2\"", "does not end with a line feed")]
    [InlineData("\"a\",\"b\"\n1,\"2\"\n", "not in double quotes")]
    [InlineData("\"a\",\"b\"\r\n\"1\",\"2\"\r\n", "other than a comma or a line feed")]
    [InlineData("\"a\",\"b\"\n\"1\"\n", "1 field(s) where the header has 2")]
    [InlineData("\"a\",\"b\"\n\"1\",\"2\",\"3\"\n", "more than the 2 fields")]
    [InlineData("\"a\",\"b\"\n\"1\",\"2\"x\n", "other than a comma or a line feed")]
    [InlineData("\"a\",\"b\"\n\"1\",\"open\n", "not closed")]
    [InlineData("", "empty")]
    [InlineData("\uFEFF\"a\",\"b\"\n", "byte-order mark")]
    public async Task MalformedCsv_IsRefusedWithWhereAndWhat(string csv, string problem)
    {
        CsvFormatException error = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAsync(csv, Schema(("a", "varchar"), ("b", "varchar"))));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormatError_NamesTheDataRow_NotAFileLine_WhenValuesHoldLineBreaks()
    {
        // Row 1 spans three lines of the file; the bad row is data row 2 (the file's line 5).
        const string Csv = "\"a\",\"b\"\n\"multi\nline\nvalue\",\"1\"\n2,\"x\"\n";

        CsvFormatException error = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAsync(Csv, Schema(("a", "varchar"), ("b", "varchar"))));

        Assert.StartsWith("the result is not valid Athena CSV at data row 2 (byte 31): ", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Record);
    }

    [Fact]
    public async Task HeaderThatDiffersFromTheCatalog_ShowsBothLists()
    {
        ResultHeaderMismatchException error = await Assert.ThrowsAsync<ResultHeaderMismatchException>(
            () => ReadAsync("\"b\",\"a\"\n", Schema(("a", "varchar"), ("b", "varchar"))));

        Assert.Equal(["a", "b"], error.Expected);
        Assert.Equal(["b", "a"], error.Actual);
    }

    [Fact]
    public async Task Reading_AllocatesNothingPerRow_SoMemoryStaysFlat()
    {
        ResultSchema schema = Schema(("id", "bigint"), ("name", "varchar"), ("amount", "decimal(18,2)"), ("day", "date"), ("note", "varchar"));
        long small = await AllocatedWhileReadingAsync(schema, 20_000);
        long large = await AllocatedWhileReadingAsync(schema, 200_000);

        // Ten times the rows may not cost (measurably) more memory: no allocation per row or value.
        Assert.True(large - small < 256 * 1024, $"reading 200k rows allocated {large} bytes, 20k rows {small} bytes");
    }

    private static async Task<long> AllocatedWhileReadingAsync(ResultSchema schema, int rows)
    {
        using Stream input = SyntheticCsv.Create(rows);
        CountingConsumer counter = new();
        // The synthetic stream completes synchronously, so the whole read runs on this thread and is counted here alone.
        long before = GC.GetAllocatedBytesForCurrentThread();
        await ResultReader.ReadAsync(input, schema, [counter], [], CancellationToken.None, 64 * 1024);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(rows, counter.Rows);
        return allocated;
    }

    private sealed class CountingConsumer : IRowConsumer
    {
        public long Rows { get; private set; }

        public void Start(ResultSchema schema)
        {
        }

        public void Consume(TypedRow row)
        {
            Rows++;
            _ = row.GetDecimal(2);
        }

        public void Finish(long rowCount)
        {
        }
    }
}
