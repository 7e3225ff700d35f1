namespace SoxAuto.Core.Data;

/// <summary>
/// A row consumer made of independent parts (each sees every row, none depends on another). The reader runs each
/// part on its own thread, which is how one read uses several cores.
/// </summary>
public interface ICompositeRowConsumer : IRowConsumer
{
    IReadOnlyList<IRowConsumer> Parts { get; }
}
