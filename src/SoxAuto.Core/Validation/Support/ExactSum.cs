using System.Numerics;

namespace SoxAuto.Core.Validation.Support;

/// <summary>
/// An exact running sum of unscaled values of one scale. It adds in <see cref="Int128"/> (no allocation per value) and
/// carries into a <see cref="BigInteger"/> only when Int128 would overflow, so millions of decimal(38,s) amounts
/// neither wrap nor drift.
/// </summary>
internal sealed class ExactSum
{
    private Int128 _low;
    private BigInteger _carried;

    public long Count { get; private set; }

    public BigInteger Total => _carried + _low;

    public void Add(Int128 value)
    {
        Int128 sum = unchecked(_low + value);

        // Overflow when both addends have one sign and the result the other.
        if (((_low ^ sum) & (value ^ sum)) < 0)
        {
            _carried += _low;
            sum = value;
        }

        _low = sum;
        Count++;
    }
}
