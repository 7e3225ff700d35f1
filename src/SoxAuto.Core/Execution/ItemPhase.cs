namespace SoxAuto.Core.Execution;

public enum ItemPhase
{
    Queued,
    Querying,
    Reading,
    Checking,
    Packaging,
    Done,
}
