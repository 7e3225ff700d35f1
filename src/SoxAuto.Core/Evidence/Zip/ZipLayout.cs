namespace SoxAuto.Core.Evidence.Zip;

/// <summary>
/// How far an archive departs from the deterministic layout of <see cref="DeterministicZipWriter"/>: the directory in
/// name order and the entries placed as <see cref="PackageLayout"/> says, fixed timestamps, no flags, extra fields
/// (beyond required Zip64), comments or attributes, MS-DOS "made by", local headers equal to the directory, and no
/// unlisted bytes. A departure means the package was re-packed or altered after it was written.
/// </summary>
internal static class ZipLayout
{
    public static IReadOnlyList<string> Deviations(ZipDirectory zip)
    {
        List<string> deviations = [.. zip.LayoutDeviations];
        string[] placed = [.. zip.Entries.OrderBy(e => e.LocalHeaderOffset).Select(e => e.Name)];
        string[] expected = [.. PackageLayout.FileOrder(zip.Entries.Select(e => e.Name), n => n)];
        if (!placed.SequenceEqual(expected, StringComparer.Ordinal))
        {
            deviations.Add($"entries are placed as {string.Join(", ", placed)}; a package places {string.Join(", ", expected)}");
        }

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

            if (entry.LocalVersionNeeded != entry.VersionNeeded || entry.LocalDosTime != entry.DosTime || entry.LocalDosDate != entry.DosDate)
            {
                deviations.Add($"entry '{entry.Name}' has a local header whose version or timestamp differs from the directory's");
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
