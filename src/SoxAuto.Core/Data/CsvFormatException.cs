namespace SoxAuto.Core.Data;

/// <summary>
/// The result bytes are not in Athena's CSV dialect (an unquoted value, text after a closing quote, a CR, a wrong
/// number of fields, a missing final newline). <see cref="Line"/> is the 1-based line of the file (the header is line 1).
/// </summary>
public sealed class CsvFormatException(long line, long byteOffset, string problem)
    : Exception($"the result is not valid Athena CSV at line {line} (byte {byteOffset}): {problem}")
{
    public long Line { get; } = line;

    public long ByteOffset { get; } = byteOffset;

    public string Problem { get; } = problem;
}
