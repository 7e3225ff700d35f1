namespace SoxAuto.Core.Data;

/// <summary>
/// Receives every row of a result in order, in the single pass that reads it (hashing, statistics, checks). Calls are
/// synchronous and on one thread: the row object is reused, so keep values, not the row.
/// </summary>
public interface IRowConsumer
{
    void Start(ResultSchema schema);

    void Consume(TypedRow row);

    /// <summary>Called once after the last row, only when the whole result was read without error.</summary>
    void Finish(long rowCount);
}
