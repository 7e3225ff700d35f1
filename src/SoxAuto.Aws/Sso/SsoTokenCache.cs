using System.Security.Cryptography;
using System.Text;

namespace SoxAuto.Aws.Sso;

/// <summary>
/// The AWS CLI v2 token cache: <c>~/.aws/sso/cache/&lt;lowercase hex sha1 of the cache key&gt;.json</c>. Files are
/// written like botocore writes them — a temporary file in the same folder, flushed, then renamed over the old one
/// (atomic: a reader sees the old or the new token, never half a file) — and readable by the owner only (0600).
/// </summary>
public sealed class SsoTokenCache(string directory)
{
    /// <summary>Where AWSSDK.Core and the AWS CLI look: under the user's home folder (HOME on Linux and macOS).</summary>
    public static SsoTokenCache Default() =>
        new(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "sso", "cache"));

    public string Directory { get; } = directory;

    public string PathFor(string cacheKey)
    {
        // SHA-1 names the file, as the AWS CLI and the SDKs name it; it protects nothing, so its weakness does not matter.
#pragma warning disable CA5350
        byte[] hash = SHA1.HashData(Encoding.UTF8.GetBytes(cacheKey));
#pragma warning restore CA5350
        return Path.Combine(Directory, Convert.ToHexStringLower(hash) + ".json");
    }

    /// <summary>The cached token, or null when there is none or the file is not a token.</summary>
    public CachedSsoToken? TryRead(string cacheKey)
    {
        string path = PathFor(cacheKey);
        try
        {
            return File.Exists(path) ? SsoTokenFile.Parse(File.ReadAllText(path, Encoding.UTF8)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the token atomically with mode 0600 and returns the file's path.</summary>
    public string Write(string cacheKey, CachedSsoToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        string path = PathFor(cacheKey);
        CreateDirectory();
        string temporary = Path.Combine(Directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        byte[] bytes = Encoding.UTF8.GetBytes(SsoTokenFile.Format(token));
        try
        {
            FileStreamOptions options = new() { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // Set at creation, so the token is never readable by others, not even for a moment.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (FileStream stream = new(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private void CreateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
