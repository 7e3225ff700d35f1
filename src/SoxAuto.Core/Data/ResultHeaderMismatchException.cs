namespace SoxAuto.Core.Data;

/// <summary>The result's header names other columns (or another order) than the catalog declares.</summary>
public sealed class ResultHeaderMismatchException(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    : Exception($"the result's columns differ from the catalog's: catalog [{string.Join(", ", expected)}], result [{string.Join(", ", actual)}]")
{
    public IReadOnlyList<string> Expected { get; } = expected;

    public IReadOnlyList<string> Actual { get; } = actual;
}
