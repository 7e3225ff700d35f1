namespace SoxAuto.Core.Evidence.Zip;

/// <summary>
/// The entries of a zip (in central-directory order) after structural checks, plus every way the archive departs from
/// the deterministic layout <see cref="DeterministicZipWriter"/> produces (reported, not fatal).
/// </summary>
internal sealed record ZipDirectory(IReadOnlyList<ZipEntryRecord> Entries, IReadOnlyList<string> LayoutDeviations);
