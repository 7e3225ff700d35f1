namespace SoxAuto.Core.Expressions;

/// <summary>How two values that the type rules accept are compared.</summary>
internal enum CompareKind
{
    /// <summary>Exact numbers (integer and decimal columns, parameters and literals): exact, across scales.</summary>
    Number,

    /// <summary>Double columns with double columns or number literals: IEEE comparison (NaN is unequal to everything).</summary>
    Double,

    /// <summary>Text: ordinal over UTF-8 bytes (code point order, case-sensitive), as Trino compares varchar.</summary>
    Text,

    /// <summary>Dates and timestamps; a date is its day at 00:00.</summary>
    Temporal,

    /// <summary>Booleans: false &lt; true.</summary>
    Boolean,
}
