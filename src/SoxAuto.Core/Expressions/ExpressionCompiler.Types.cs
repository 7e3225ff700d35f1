namespace SoxAuto.Core.Expressions;

/// <summary>
/// The type rules: which values compare, and how. Exact numbers compare with exact numbers across integer and decimal;
/// a double only with doubles and number literals (money is never compared through binary floating point); dates and
/// timestamps with each other (a date is its day at 00:00); text with text; booleans with booleans. Nothing else.
/// </summary>
internal sealed partial class ExpressionCompiler
{
    /// <summary>How <paramref name="left"/> and <paramref name="right"/> compare, or null after reporting at <paramref name="at"/>.</summary>
    private CompareKind? Comparable(BoundValue left, BoundValue right, BoundValue at)
    {
        if (left.Kind == ValueKind.Null || right.Kind == ValueKind.Null)
        {
            BoundValue nullValue = left.Kind == ValueKind.Null ? left : right;
            Error(ExpressionErrorKind.TypeMismatch, nullValue.Offset, "a comparison with null is unknown for every row, so it never matches",
                "test for NULL with is null or is not null");
            return null;
        }

        if (left.Kind == ValueKind.TextList || right.Kind == ValueKind.TextList)
        {
            BoundValue list = left.Kind == ValueKind.TextList ? left : right;
            Error(ExpressionErrorKind.TypeMismatch, list.Offset, $"{list.Describe} is a list; it can only stand for the values of in (…)",
                "write e.g. id_company in (:companies)");
            return null;
        }

        if (left.Kind == ValueKind.Other || right.Kind == ValueKind.Other)
        {
            BoundValue other = left.Kind == ValueKind.Other ? left : right;
            Error(ExpressionErrorKind.TypeMismatch, other.Offset, $"{other.Describe} cannot be compared",
                "expressions compare numbers, text, dates, timestamps and booleans; for this column only is null / is not null apply");
            return null;
        }

        CompareKind? kind = (left.Kind, right.Kind) switch
        {
            (ValueKind.Number, ValueKind.Number) => CompareKind.Number,
            (ValueKind.Double, ValueKind.Double) => CompareKind.Double,
            (ValueKind.Double, ValueKind.Number) when right.IsLiteral => CompareKind.Double,
            (ValueKind.Number, ValueKind.Double) when left.IsLiteral => CompareKind.Double,
            (ValueKind.Date or ValueKind.Timestamp, ValueKind.Date or ValueKind.Timestamp) => CompareKind.Temporal,
            (ValueKind.Text, ValueKind.Text) => CompareKind.Text,
            (ValueKind.Boolean, ValueKind.Boolean) => CompareKind.Boolean,
            _ => null,
        };
        if (kind is null)
        {
            Error(ExpressionErrorKind.TypeMismatch, at.Offset, $"cannot compare {left.Describe} with {right.Describe}", Hint(left.Kind, right.Kind));
        }

        return kind;
    }

    private static string Hint(ValueKind left, ValueKind right) => (left, right) switch
    {
        (ValueKind.Double, ValueKind.Number) or (ValueKind.Number, ValueKind.Double) =>
            "a double compares only with doubles and number literals; exact amounts belong in decimal columns and parameters",
        (ValueKind.Text, ValueKind.Number) or (ValueKind.Number, ValueKind.Text) =>
            "text and numbers do not compare: write the number without quotes for a numeric column, or quote it for a text column",
        (ValueKind.Date or ValueKind.Timestamp, ValueKind.Text) or (ValueKind.Text, ValueKind.Date or ValueKind.Timestamp) =>
            "write a date as DATE 'YYYY-MM-DD' and a timestamp as TIMESTAMP 'YYYY-MM-DD HH:MM:SS'",
        _ => "numbers compare with numbers, text with text, dates and timestamps with dates and timestamps, booleans with booleans",
    };
}
