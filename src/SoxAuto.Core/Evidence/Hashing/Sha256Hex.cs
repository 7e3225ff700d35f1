using System.Buffers;
using System.Security.Cryptography;

namespace SoxAuto.Core.Evidence.Hashing;

/// <summary>SHA-256 as the evidence writes it everywhere: 64 lowercase hex digits.</summary>
internal static class Sha256Hex
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static string Of(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>The digest of a stream's remaining bytes, read in large blocks.</summary>
    public static string Of(Stream data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string Finish(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());

    public static bool IsValid(string? text) =>
        text is { Length: 64 } && text.AsSpan().IndexOfAnyExcept(LowerHex) < 0;
}
