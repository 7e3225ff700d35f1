using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Tests.Validation;

/// <summary>Encoded keys compare like the values: equal exactly when equal, ordered like Trino orders them.</summary>
[Collection(MeasuredTests.Name)]
public sealed class KeyEncoderTests
{
    [Theory]
    [InlineData("bigint", "-5", "3")]
    [InlineData("bigint", "9", "10")] // numerically, not as text
    [InlineData("bigint", "-9223372036854775808", "9223372036854775807")]
    [InlineData("decimal(38,2)", "-0.01", "0.00")]
    [InlineData("decimal(38,2)", "99.99", "100.00")]
    [InlineData("double", "-Infinity", "-1.5")]
    [InlineData("double", "-1.5", "0.0")]
    [InlineData("double", "1.0E20", "NaN")]
    [InlineData("varchar", "B", "a")] // UTF-8 byte order, case-sensitive
    [InlineData("varchar", "a", "a\u0000")] // a prefix sorts first, even before an escaped 0x00
    [InlineData("varchar", "\uFFFD", "🚀")] // code point order, not UTF-16 units
    [InlineData("varchar", "", "a")]
    [InlineData("date", "2024-12-31", "2025-01-01")]
    [InlineData("timestamp", "2025-09-30 23:59:59.999", "2025-10-01 00:00:00.000")]
    [InlineData("timestamp(12)", "2025-09-30 23:59:59.999999900001", "2025-09-30 23:59:59.999999900002")]
    [InlineData("boolean", "false", "true")]
    [InlineData("varchar", "zzz", null)] // NULL sorts last, as Trino's default NULLS LAST
    public void Order_FollowsTheValues(string type, string lower, string? higher)
    {
        AthenaType athena = AthenaType.Parse(type);

        Assert.True(Encode(lower, athena).SequenceCompareTo(Encode(higher, athena)) < 0);
    }

    [Theory]
    [InlineData("decimal(38,2)", "100.00", "100")] // a witness written 100 finds 100.00
    [InlineData("decimal(38,2)", "250.50", "250.5")]
    [InlineData("bigint", "239726184", "239726184.00")]
    [InlineData("timestamp", "2025-09-30 00:00:00.000", "2025-09-30")]
    [InlineData("date", "2025-09-30", "2025-09-30 00:00:00")]
    [InlineData("char(4)", "AB  ", "AB")]
    [InlineData("double", "0.0", "-0.0")]
    [InlineData("boolean", "true", "TRUE")]
    public void TextValues_EqualTheColumnsValue_WhenTheyAreEqualAsTheColumnsType(string type, string columnText, string written)
    {
        AthenaType athena = AthenaType.Parse(type);

        Assert.True(Encode(columnText, athena).SequenceEqual(Encode(written, athena)));
    }

    [Fact]
    public void RealText_IsReadAtSinglePrecision_LikeTheColumnsValues()
    {
        // A real column's 0.1 is the 32-bit float nearest 0.1, widened; a witness written 0.1 must find it.
        byte[] written = Encode("0.1", AthenaType.Parse("real"));
        byte[] widenedFloat = Encode("0.100000001490116119384765625", AthenaType.Parse("double"));

        Assert.True(written.SequenceEqual(widenedFloat));
        Assert.False(Encode("0.1", AthenaType.Parse("double")).SequenceEqual(widenedFloat));
    }

    [Theory]
    [InlineData("bigint", "239726184.5")]
    [InlineData("decimal(38,2)", "1.005")]
    [InlineData("date", "2025-09-30 12:00:00")]
    public void ValuesTheColumnCannotHold_EqualNoValue(string type, string written)
    {
        AthenaType athena = AthenaType.Parse(type);
        KeyBuffer key = new();

        Assert.Null(KeyEncoder.AppendText(key, written, athena));
        Assert.Equal(3, key.Span[0]); // a tag no row's value has
    }

    [Theory]
    [InlineData("bigint", "abc", "is not a number")]
    [InlineData("boolean", "yes", "is not true or false")]
    [InlineData("date", "30/09/2025", "is not a date")]
    [InlineData("timestamp", "tomorrow", "is not a timestamp")]
    public void TextThatIsNoValueOfTheType_IsAnError(string type, string written, string message) =>
        Assert.Contains(message, KeyEncoder.AppendText(new KeyBuffer(), written, AthenaType.Parse(type)), StringComparison.Ordinal);

    [Fact]
    public void CompositeKeys_DoNotCollide_AcrossColumnBoundaries()
    {
        AthenaType text = AthenaType.Varchar;
        KeyBuffer first = new();
        KeyBuffer second = new();
        KeyEncoder.AppendText(first, "a|b", text);
        KeyEncoder.AppendText(first, "c", text);
        KeyEncoder.AppendText(second, "a", text);
        KeyEncoder.AppendText(second, "b|c", text);

        Assert.False(first.Span.SequenceEqual(second.Span));
    }

    private static byte[] Encode(string? text, AthenaType type)
    {
        KeyBuffer key = new();
        Assert.Null(KeyEncoder.AppendText(key, text, type));
        return key.Span.ToArray();
    }
}
