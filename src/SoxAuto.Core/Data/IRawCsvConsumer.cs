namespace SoxAuto.Core.Data;

/// <summary>
/// Receives the result's bytes — header and complete, validated rows — in order; concatenated they are exactly the
/// input. Used to write the data file and the snapshot from the same read. The span is only valid during the call.
/// </summary>
public interface IRawCsvConsumer
{
    void Consume(ReadOnlySpan<byte> bytes, long rowsSoFar);

    /// <summary>Called once after the last bytes, only when the whole result was read without error.</summary>
    void Finish(long rowCount);
}
