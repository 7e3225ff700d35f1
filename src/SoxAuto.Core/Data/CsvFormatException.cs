namespace SoxAuto.Core.Data;

/// <summary>
/// The result bytes are not in Athena's CSV dialect (an unquoted value, text after a closing quote, a CR, a wrong
/// number of fields, a missing final newline), placed by CSV record and byte offset.
/// </summary>
public sealed class CsvFormatException(long record, long byteOffset, string problem)
    : Exception($"the result is not valid Athena CSV {Where(record)} (byte {byteOffset}): {problem}")
{
    /// <summary>The CSV record (the header is record 1). Not a line number: quoted values may hold line breaks.</summary>
    public long Record { get; } = record;

    public long ByteOffset { get; } = byteOffset;

    public string Problem { get; } = problem;

    private static string Where(long record) =>
        record <= 1 ? "in the header" : $"at data row {(record - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
