using System.Globalization;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary><c>completeness.row_count</c>: the rows extracted against an independent count from the source.</summary>
internal sealed class RowCountEvaluator(RowCountCheck check) : CheckEvaluator(check)
{
    public override QueryText? SourceQuery => check.Query;

    public override CheckResult Complete(long extractedRows, SourceQueryResult? source)
    {
        if (SourceRows.Single(source!, "the count", out string? text, out AthenaType? type) is { } shape)
        {
            return Result(CheckStatus.Error, $"The independent count could not be read: {shape}.", source);
        }

        if (type!.Kind != ColumnKind.Integer || text is null || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long expected))
        {
            string found = text is null ? "NULL" : $"'{text}'";
            return Result(CheckStatus.Error,
                $"The independent count could not be read: the source query returned {found} of type {type}; it must return one bigint, e.g. SELECT count(*) FROM …", source);
        }

        long difference = extractedRows - expected;
        bool pass = check.Comparison == RowCountComparison.Equal ? difference == 0 : difference <= 0;
        string message = (check.Comparison, pass) switch
        {
            (RowCountComparison.Equal, true) => $"The extract has {CheckFormat.Rows(extractedRows)}, as many as the independent count.",
            (RowCountComparison.Equal, false) =>
                $"The extract has {CheckFormat.Rows(extractedRows)} but the independent count is {CheckFormat.Count(expected)}: " +
                $"{CheckFormat.Rows(Math.Abs(difference))} {(difference > 0 ? "more" : "fewer")} in the extract.",
            (_, true) => $"The source holds {CheckFormat.Rows(expected)}, at least the {CheckFormat.Count(extractedRows)} extracted" +
                (difference < 0 ? $" ({CheckFormat.Count(-difference)} more in the source)." : "."),
            _ => $"The extract has {CheckFormat.Rows(extractedRows)}, more than the {CheckFormat.Count(expected)} the source holds " +
                $"({CheckFormat.Count(difference)} more in the extract).",
        };
        return Result(pass ? CheckStatus.Pass : CheckStatus.Fail, message, source) with
        {
            Expected = check.Comparison == RowCountComparison.Equal
                ? expected.ToString(CultureInfo.InvariantCulture)
                : "at most " + expected.ToString(CultureInfo.InvariantCulture),
            Actual = extractedRows.ToString(CultureInfo.InvariantCulture),
            Details =
            [
                new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["comparison"] = check.Comparison == RowCountComparison.Equal ? "equal" : "source_at_least_extract",
                    ["source_count"] = expected.ToString(CultureInfo.InvariantCulture),
                    ["extracted_rows"] = extractedRows.ToString(CultureInfo.InvariantCulture),
                    ["difference"] = difference.ToString(CultureInfo.InvariantCulture),
                },
            ],
        };
    }
}
