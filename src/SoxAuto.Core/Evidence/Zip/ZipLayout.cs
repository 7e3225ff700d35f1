namespace SoxAuto.Core.Evidence.Zip;

/// <summary>
/// How far an archive departs from the deterministic layout of <see cref="DeterministicZipWriter"/>: name order,
/// fixed timestamps, no flags, extra fields (beyond required Zip64), comments or attributes, MS-DOS "made by", and no
/// unlisted bytes. A departure means the package was re-packed or altered after it was written.
/// </summary>
internal static class ZipLayout
{
    public static IReadOnlyList<string> Deviations(ZipDirectory zip)
    {
        List<string> deviations = [.. zip.LayoutDeviations];
        for (int i = 0; i < zip.Entries.Count; i++)
        {
            ZipEntryRecord entry = zip.Entries[i];
            if (i > 0 && string.CompareOrdinal(zip.Entries[i - 1].Name, entry.Name) >= 0)
            {
                deviations.Add($"entries are not in name order ('{zip.Entries[i - 1].Name}' before '{entry.Name}')");
            }

            if (entry.DosTime != ZipFormat.FixedDosTime || entry.DosDate != ZipFormat.FixedDosDate)
            {
                deviations.Add($"entry '{entry.Name}' is not timestamped 1980-01-01 00:00:00");
            }

            ushort version = entry.NeedsZip64 ? ZipFormat.Version45 : ZipFormat.Version10;
            if (entry.VersionMadeBy != version || entry.VersionNeeded != version)
            {
                deviations.Add($"entry '{entry.Name}' has version made by 0x{entry.VersionMadeBy:x4} / needed {entry.VersionNeeded} (expected {version}, MS-DOS)");
            }

            if (entry.Flags != 0 || entry.InternalAttributes != 0 || entry.ExternalAttributes != 0)
            {
                deviations.Add($"entry '{entry.Name}' has flags or file attributes set");
            }

            if (!entry.NeedsZip64 && (entry.CentralExtraLength > 0 || entry.LocalExtraLength > 0))
            {
                deviations.Add($"entry '{entry.Name}' has extra fields");
            }

            if (entry.CommentLength > 0)
            {
                deviations.Add($"entry '{entry.Name}' has a comment");
            }
        }

        return deviations;
    }
}
