using SoxAuto.Core.Expressions.Evaluation;
using static SoxAuto.Core.Tests.Expressions.ExpressionRunner;

namespace SoxAuto.Core.Tests.Expressions;

/// <summary>SQL three-valued logic and every comparison kind, evaluated on rows read by the real reader.</summary>
[Collection(SoxAuto.Core.Tests.Validation.MeasuredTests.Name)]
public sealed class ExpressionEvaluationTests
{
    // Theory data must be public; the truth values travel as "T", "F", "U".
    private const string T = "T";
    private const string F = "F";
    private const string U = "U";

    public static TheoryData<string, string?, string> ThreeValuedCases => new()
    {
        // A comparison with NULL is unknown, and not unknown is unknown.
        { "amount > 0", null, U },
        { "not amount > 0", null, U },
        { "amount > 0 or true", null, T },
        { "amount > 0 or false", null, U },
        { "amount > 0 and false", null, F },
        { "amount > 0 and true", null, U },
        { "amount is null", null, T },
        { "amount is not null", null, F },
        { "not amount is null", null, F },
        { "amount in (1, 2)", null, U },
        { "amount not in (1, 2)", null, U },
        { "amount between 1 and 2", null, U },
        { "amount not between 1 and 2", null, U },
        { "amount > 0", "5.00", T },
        { "not amount > 0", "5.00", F },
        { "amount in (1, 5)", "5.00", T },
        { "amount not in (1, 5)", "5.00", F },
        { "amount not in (1, 2)", "5.00", T },
        { "amount between 5 and 5", "5.00", T },
        { "amount not between 1 and 4.99", "5.00", T },
    };

    [Theory]
    [MemberData(nameof(ThreeValuedCases))]
    public async Task Evaluate_FollowsSqlThreeValuedLogic(string condition, string? amount, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "amount", amount));

    [Fact]
    public async Task In_WithAListParameter_StandsForItsElements_AndNotInIsUnknownForNull()
    {
        Truth[] values = await EvaluateAsync("name not in (:companies)",
            new() { ["name"] = "EC_NG" }, new() { ["name"] = "XX" }, new() { ["name"] = null }, new() { ["name"] = "ec_ng" });

        Assert.Equal([Truth.False, Truth.True, Truth.Unknown, Truth.True], values);
    }

    [Theory]
    [InlineData("amount = 5", "5.00", T)] // integer literal vs decimal(38,2): exact across scales
    [InlineData("amount = 5.000", "5.00", T)]
    [InlineData("amount < 5.001", "5.00", T)]
    [InlineData("amount > :limit", "100.51", T)] // decimal parameter
    [InlineData("amount > :limit", "100.50", F)]
    [InlineData("amount < 99999999999999999999999999999999999999", "999999999999999999999999999999999999.99", T)] // widening without overflow
    [InlineData("amount > -99999999999999999999999999999999999999", "-999999999999999999999999999999999999.99", T)]
    public async Task Numbers_CompareExactly_AcrossIntegerAndDecimal(string condition, string amount, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "amount", amount));

    [Theory]
    [InlineData("id = 239726184", "239726184", T)]
    [InlineData("id = 239726184.00", "239726184", T)]
    [InlineData("id = 239726184.01", "239726184", F)]
    [InlineData("id >= :year", "2025", T)]
    [InlineData("id between -1 and 1", "0", T)]
    public async Task Bigint_ComparesExactlyWithIntegerAndDecimalLiterals(string condition, string id, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "id", id));

    [Theory]
    [InlineData("rate > 0.1", "0.2", T)]
    [InlineData("rate = 1", "1.0", T)]
    [InlineData("rate = rate", "NaN", F)] // IEEE, as Trino
    [InlineData("rate <> 1", "NaN", T)]
    [InlineData("rate < 1", "-Infinity", T)]
    public async Task Double_ComparesWithDoublesAndNumberLiterals(string condition, string rate, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "rate", rate));

    [Theory]
    [InlineData("ratio = 0.1", "0.1", T)] // both rounded to the same 32-bit float, as Trino compares them
    [InlineData("ratio = 0.3", "0.3", T)]
    [InlineData("ratio > 0.1", "0.1", F)]
    [InlineData("0.1 = ratio", "0.1", T)]
    [InlineData("ratio between 0.1 and 0.1", "0.1", T)]
    [InlineData("ratio in (0.2, 0.1)", "0.1", T)]
    [InlineData("ratio = 0.10000001", "0.1", F)] // a different float
    [InlineData("ratio = rate", "0.1", U)] // rate is NULL in this row
    public async Task Real_ComparesWithNumberLiteralsAtItsOwnPrecision(string condition, string ratio, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "ratio", ratio));

    [Fact]
    public async Task Double_StillComparesAtDoublePrecision()
    {
        Assert.Equal(T, await ShowOneAsync("rate = 0.1", "rate", "0.1"));
        Assert.Equal(F, await ShowOneAsync("rate = 0.10000000149011612", "rate", "0.1"));
    }

    [Theory]
    [InlineData("day <= :cutoff_date", "2025-09-30", T)]
    [InlineData("day > :cutoff_date", "2025-10-01", T)]
    [InlineData("day < :cutoff_end", "2025-09-30", T)] // a date is its day at 00:00
    [InlineData("day = :cutoff_end", "2025-10-01", T)]
    [InlineData("day = TIMESTAMP '2025-10-01 00:00:00.001'", "2025-10-01", F)]
    [InlineData("day between DATE '2025-09-01' and :cutoff_date", "2025-09-15", T)]
    public async Task Dates_CompareWithDatesAndTimestamps_AtMidnight(string condition, string day, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "day", day));

    [Theory]
    [InlineData("ts < :cutoff_end", "2025-09-30 23:59:59.999", T)] // the last millisecond of the cutoff day is in
    [InlineData("ts < :cutoff_end", "2025-10-01 00:00:00.000", F)]
    [InlineData("ts > :cutoff_date", "2025-09-30 00:00:00.001", T)] // a date parameter against a timestamp: 00:00
    [InlineData("ts = :cutoff_date", "2025-09-30 00:00:00.000", T)]
    [InlineData("ts >= TIMESTAMP '2025-09-30'", "2025-09-30 00:00:00.000", T)]
    public async Task Timestamps_CompareWithTimestampsAndDates(string condition, string ts, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "ts", ts));

    [Theory]
    [InlineData("fine > TIMESTAMP '2025-09-30 23:59:59.9999999'", "2025-09-30 23:59:59.999999900001", T)] // beyond 100 ns
    [InlineData("fine = TIMESTAMP '2025-09-30 23:59:59.999999900001'", "2025-09-30 23:59:59.999999900001", T)]
    [InlineData("fine < :cutoff_end", "2025-09-30 23:59:59.999999999999", T)]
    public async Task Timestamps_KeepDigitsBeyond100Nanoseconds(string condition, string fine, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "fine", fine));

    [Theory]
    [InlineData("name = 'Zoë'", "Zoë", T)]
    [InlineData("name = 'zoë'", "Zoë", F)] // case-sensitive, like Trino
    [InlineData("name = 'Zoë '", "Zoë", F)] // trailing blanks count for varchar
    [InlineData("name < 'b'", "a", T)]
    [InlineData("name < 'B'", "a", F)] // ordinal: 'B' (0x42) < 'a' (0x61)
    [InlineData("name > '\uFFFD'", "🚀", T)] // code point order (UTF-8 bytes), not UTF-16 units
    [InlineData("name = :who", "O'Brien", T)]
    [InlineData("name = 'O''Brien'", "O'Brien", T)]
    [InlineData("name = ''", "", T)] // the empty string is not NULL
    public async Task Text_ComparesOrdinallyAndCaseSensitively(string condition, string name, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "name", name));

    [Theory]
    [InlineData("code = 'AB'", "AB  ", T)] // char(n): trailing blanks do not count
    [InlineData("code in ('XY', 'AB  ')", "AB  ", T)]
    [InlineData("code = 'ab'", "AB  ", F)]
    public async Task Char_IgnoresTrailingBlanks(string condition, string code, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "code", code));

    [Theory]
    [InlineData("flag", "true", T)]
    [InlineData("not flag", "true", F)]
    [InlineData("flag = :yes", "false", F)]
    [InlineData("flag", null, U)]
    [InlineData("flag > false", "true", T)]
    public async Task Booleans_AreConditionsAndCompareWithBooleans(string condition, string? flag, string expected) =>
        Assert.Equal(expected, await ShowOneAsync(condition, "flag", flag));

    [Fact]
    public async Task OtherTypes_OnlyTestForNull() =>
        Assert.Equal([Truth.False, Truth.True], await EvaluateAsync("tags is null", new() { ["tags"] = "[a, b]" }, new()));

    [Fact]
    public async Task Keywords_AndColumnNames_AreCaseInsensitive() =>
        Assert.Equal(T, await ShowOneAsync("AMOUNT IS NOT NULL AND Amount BETWEEN 1 AND 10", "amount", "5.00"));

    private static async Task<string> ShowOneAsync(string condition, string column, string? value) =>
        (await EvaluateOneAsync(condition, column, value)).Single() switch
        {
            Truth.True => T,
            Truth.False => F,
            _ => U,
        };
}
