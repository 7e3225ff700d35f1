namespace SoxAuto.Core.Evidence.Zip;

/// <summary>
/// Where each entry of a package goes, defined once for the writer and the verifier. The central directory lists
/// the entries in ordinal name order. In the file, <c>data.csv.gz</c> comes first — it is written as it is
/// compressed, before the small entries that describe it exist — and the other entries follow in name order.
/// </summary>
internal static class PackageLayout
{
    public static IEnumerable<T> DirectoryOrder<T>(IEnumerable<T> entries, Func<T, string> name) =>
        entries.OrderBy(name, StringComparer.Ordinal);

    public static IEnumerable<T> FileOrder<T>(IEnumerable<T> entries, Func<T, string> name) =>
        entries.OrderBy(e => string.Equals(name(e), PackageEntries.DataFile, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(name, StringComparer.Ordinal);
}
