using System.Numerics;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// One group of a control total, both sides at one scale: <see cref="Expected"/> (source) or
/// <see cref="Actual"/> (extract) is null when the group is missing on that side — which always counts as a difference.
/// </summary>
internal sealed record GroupComparison(IReadOnlyList<string?> Values, BigInteger? Expected, BigInteger? Actual, bool Differs)
{
    /// <summary>The source's total for the group was NULL: it summed no values (compared as 0 only against an extract without values).</summary>
    public bool SourceIsNull { get; init; }

    public string Display => string.Join(" / ", Values.Select(v => v ?? "NULL"));

    public BigInteger Difference => (Actual ?? BigInteger.Zero) - (Expected ?? BigInteger.Zero);
}
