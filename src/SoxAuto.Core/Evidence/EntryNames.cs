using System.Buffers;

namespace SoxAuto.Core.Evidence;

/// <summary>
/// Which names an entry (or a package, or a run folder) may have: flat, ASCII letters, digits, <c>.</c> <c>_</c>
/// <c>-</c>, not starting with a dot, no <c>..</c>. Used when writing — so SHA256SUMS never needs escaping and an
/// item id can never climb out of the run folder — and when verifying, to refuse hostile archives with a reason.
/// </summary>
internal static class EntryNames
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public static bool IsSafe(string? name) => name is not null && Problem(name) is null;

    /// <summary>Null for a safe name, else what is wrong with it (for messages).</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "an empty name";
        }

        if (name[0] is '/' or '\\' || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
        {
            return "an absolute path";
        }

        if (name.Contains("..", StringComparison.Ordinal) || name[0] == '.')
        {
            return "a relative path ('..' or a leading '.')";
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            return "inside a folder (entries must be flat)";
        }

        if (name.Length > 200)
        {
            return "longer than 200 characters";
        }

        return name.AsSpan().IndexOfAnyExcept(Allowed) >= 0 ? "made of characters other than A-Z a-z 0-9 . _ -" : null;
    }
}
