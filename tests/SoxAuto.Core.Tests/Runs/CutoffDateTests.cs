using SoxAuto.Core.Runs;

namespace SoxAuto.Core.Tests.Runs;

public sealed class CutoffDateTests
{
    [Theory]
    [InlineData("2025-09-30", 2025, 9, 30)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void TryParse_AcceptsRealCalendarDates(string text, int year, int month, int day)
    {
        Assert.True(CutoffDate.TryParse(text, out DateOnly cutoff, out _));
        Assert.Equal(new DateOnly(year, month, day), cutoff);
    }

    [Theory]
    [InlineData("2025-02-29")]
    [InlineData("2025-04-31")]
    [InlineData("2025-9-30")]
    [InlineData("2025-09-30T00:00")]
    [InlineData(" 2025-09-30")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RefusesAnythingElse_AndSaysWhy(string? text)
    {
        Assert.False(CutoffDate.TryParse(text, out _, out string error));
        Assert.Contains("YYYY-MM-DD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultFor_IsTheLastDayOfThePreviousMonth()
    {
        Assert.Equal(new DateOnly(2025, 9, 30), CutoffDate.DefaultFor(new DateOnly(2025, 10, 3)));
        Assert.Equal(new DateOnly(2024, 12, 31), CutoffDate.DefaultFor(new DateOnly(2025, 1, 1)));
        Assert.Equal(new DateOnly(2024, 2, 29), CutoffDate.DefaultFor(new DateOnly(2024, 3, 31)));
    }

    [Fact]
    public void RunValues_DeriveThePeriodFromTheCutoff()
    {
        RunValues values = RunValues.For(new DateOnly(2025, 9, 30), new Dictionary<string, Core.Catalog.ParameterValue>());

        Assert.Equal("2025-09-30", values.Values["cutoff_date"].Display);
        Assert.Equal("2025-10-01 00:00:00.000", values.Values["cutoff_end"].Display);
        Assert.Equal("2025-09-01 00:00:00.000", values.Values["period_month_start"].Display);
        Assert.Equal("2025-10-01 00:00:00.000", values.Values["subsequent_month_start"].Display);
        Assert.Equal("2025-08-31", values.Values["previous_cutoff_date"].Display);
        Assert.Equal("2025-01-01", values.Values["year_start"].Display);
        Assert.Equal("2025-12-31", values.Values["year_end"].Display);
        Assert.Equal("2025", values.Values["fx_year"].Display);
        Assert.Equal("9", values.Values["fx_month"].Display);
    }
}
