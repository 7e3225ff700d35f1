namespace SoxAuto.Core.Evidence;

/// <summary>
/// Whether run folders can be made under an output folder, found out before a run starts — before anything is sent to
/// AWS — instead of when <see cref="RunEvidenceWriter.Create"/> makes the run folder. Creates nothing that stays: the
/// output folder itself is made only when the run starts.
/// </summary>
public static class OutFolderCheck
{
    /// <returns>Null when the folder exists or can be made, and can be written; else what is wrong and what to do.</returns>
    public static string? FindProblem(string outDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        string? existing = Path.GetFullPath(outDirectory);
        if (File.Exists(existing))
        {
            return "is a file, not a folder; give a folder (it is created if missing)";
        }

        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return $"cannot be created: '{existing}' is a file; give a folder path";
            }

            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            return "cannot be created: none of the folders on its path exists; give a folder on an existing drive or mount";
        }

        // Only a write tells whether we may write (modes, ACLs, read-only mounts, /proc); the probe is gone when closed.
        string probe = Path.Combine(existing, $".soxauto-write-check-{Guid.NewGuid():N}");
        try
        {
            using FileStream written = new(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string reason = ex is UnauthorizedAccessException ? "permission denied" : "the file system refused a new file";
            return $"cannot be written: no file can be created in '{existing}' ({reason}); choose a folder you can write to, or fix its permissions";
        }

        return null;
    }
}
