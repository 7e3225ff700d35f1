using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions;

namespace SoxAuto.Core.Tests.Expressions;

[Collection(SoxAuto.Core.Tests.Validation.MeasuredTests.Name)]
public sealed class DecimalMathTests
{
    [Theory]
    [InlineData("1.5", "1.50", 0)]
    [InlineData("-0.01", "0", -1)]
    [InlineData("99999999999999999999999999999999999999", "0.00000000000000000000000000000000000001", 1)] // 10^38 widening overflows Int128
    [InlineData("-99999999999999999999999999999999999999", "0.00000000000000000000000000000000000001", -1)]
    [InlineData("0.00000000000000000000000000000000000001", "99999999999999999999999999999999999999", -1)]
    [InlineData("12345678901234567890.1", "12345678901234567890.10000000000000000", 0)]
    public void Compare_IsExactAcrossScales_WithoutOverflow(string left, string right, int expected)
    {
        int order = DecimalMath.Compare(ScaledDecimal.Parse(left), ScaledDecimal.Parse(right));

        Assert.Equal(expected, Math.Sign(order));
        Assert.Equal(Math.Sign(ScaledDecimal.Parse(left).CompareTo(ScaledDecimal.Parse(right))), Math.Sign(order));
    }
}
