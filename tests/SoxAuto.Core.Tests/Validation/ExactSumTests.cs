using System.Numerics;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Tests.Validation;

[Collection(MeasuredTests.Name)]
public sealed class ExactSumTests
{
    [Fact]
    public void Sums_CarryBeyondInt128_WithoutLosingADigit()
    {
        Int128 large = Int128.MaxValue - 1;
        ExactSum sum = new();

        for (int i = 0; i < 1000; i++)
        {
            sum.Add(large);
        }

        for (int i = 0; i < 999; i++)
        {
            sum.Add(-large);
        }

        sum.Add(Int128.MinValue);
        sum.Add(Int128.MinValue);
        sum.Add(7);

        Assert.Equal((BigInteger)large + ((BigInteger)Int128.MinValue * 2) + 7, sum.Total);
        Assert.Equal(2002, sum.Count);
    }
}
