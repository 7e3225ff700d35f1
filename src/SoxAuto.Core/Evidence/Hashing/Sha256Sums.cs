using System.Text;

namespace SoxAuto.Core.Evidence.Hashing;

/// <summary>
/// The <c>SHA256SUMS</c> entry in GNU coreutils format: <c>&lt;64 lowercase hex&gt;  &lt;name&gt;\n</c> per file,
/// sorted by name (ordinal), so that <c>sha256sum -c --strict SHA256SUMS</c> checks an unzipped package. Names are
/// restricted to <see cref="EntryNames"/>' safe set, so no line needs coreutils' backslash escaping.
/// </summary>
internal static class Sha256Sums
{
    public static byte[] Create(IEnumerable<(string Name, string Sha256)> files)
    {
        StringBuilder text = new();
        foreach ((string name, string sha256) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (!EntryNames.IsSafe(name) || !Sha256Hex.IsValid(sha256))
            {
                throw new ArgumentException($"'{name}' cannot be listed in SHA256SUMS", nameof(files));
            }

            text.Append(sha256).Append("  ").Append(name).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// Reads SHA256SUMS strictly: every line exactly <c>hex␠␠name\n</c>, names safe, unique and in order. Returns the
    /// lines in file order, or null with <paramref name="error"/> naming the first offending line.
    /// </summary>
    public static IReadOnlyList<(string Name, string Sha256)>? Parse(ReadOnlySpan<byte> content, out string? error)
    {
        error = null;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            error = "it is not UTF-8 text";
            return null;
        }

        if (text.Length == 0 || text[^1] != '\n')
        {
            error = text.Length == 0 ? "it is empty" : "the last line does not end with a line feed";
            return null;
        }

        List<(string, string)> lines = [];
        string? previous = null;
        string[] rawLines = text[..^1].Split('\n');
        for (int i = 0; i < rawLines.Length; i++)
        {
            string line = rawLines[i];
            string where = $"line {i + 1}";
            if (line.Length < 67 || line[64] != ' ' || line[65] != ' ' || !Sha256Hex.IsValid(line[..64]))
            {
                error = $"{where} is not '<64 lowercase hex>  <name>'";
                return null;
            }

            string name = line[66..];
            if (EntryNames.Problem(name) is { } problem)
            {
                error = $"{where} names '{Shown(name)}', which is {problem}";
                return null;
            }

            if (previous is not null && string.CompareOrdinal(previous, name) >= 0)
            {
                error = string.Equals(previous, name, StringComparison.Ordinal)
                    ? $"{where} lists {name} a second time"
                    : $"{where} ({name}) is out of order: lines are sorted by name";
                return null;
            }

            lines.Add((name, line[..64]));
            previous = name;
        }

        return lines;
    }

    private static string Shown(string name) => name.Length > 60 ? name[..60] + "…" : name;
}
