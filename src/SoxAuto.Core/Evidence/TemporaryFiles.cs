using System.Security.Cryptography;

namespace SoxAuto.Core.Evidence;

/// <summary>
/// Temporary names next to the final file (same folder, so the final rename is atomic) that can never match
/// <c>*.zip</c> or <c>run.json</c>, and the no-overwrite rename into place.
/// </summary>
internal static class TemporaryFiles
{
    /// <summary><c>&lt;final&gt;.tmp-&lt;16 hex&gt;</c>, e.g. <c>IPE_07.zip.tmp-9c1d…</c>.</summary>
    public static string NextTo(string finalPath) =>
        finalPath + ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Renames a finished temporary file to its final name, refusing to replace anything already there.</summary>
    /// <exception cref="IOException">The final name exists: evidence is never overwritten.</exception>
    public static void MoveIntoPlace(string temporaryPath, string finalPath)
    {
        if (File.Exists(finalPath) || Directory.Exists(finalPath))
        {
            throw new IOException($"refusing to overwrite {finalPath}: evidence is never replaced");
        }

        // File.Move without overwrite fails if the name appeared meanwhile (on Unix it links then unlinks, which is atomic).
        File.Move(temporaryPath, finalPath, overwrite: false);
    }

    /// <summary>Deletes a temporary file if it is there; a failure to clean up must not hide the original error.</summary>
    public static void DeleteQuietly(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Writes bytes to a temporary file, forces them to disk, then renames into place without overwriting.</summary>
    public static async Task WriteAtomicallyAsync(string finalPath, byte[] content, CancellationToken cancellationToken)
    {
        string temporary = NextTo(finalPath);
        try
        {
            await using (FileStream file = new(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            MoveIntoPlace(temporary, finalPath);
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }
}
