using System.Numerics;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// One group of a control total, both sides at one scale: <see cref="Expected"/> (source) or
/// <see cref="Actual"/> (extract) is null when the group is missing on that side — which always counts as a difference.
/// </summary>
internal sealed record GroupComparison(IReadOnlyList<string?> Values, BigInteger? Expected, BigInteger? Actual, bool Differs)
{
    public string Display => string.Join(" / ", Values.Select(v => v ?? "NULL"));

    public BigInteger Difference => (Actual ?? BigInteger.Zero) - (Expected ?? BigInteger.Zero);
}
