namespace SoxAuto.Core.Data;

/// <summary>
/// Where one field of a parsed row sits in the parser's buffer. A NULL field (empty and unquoted) is distinct from
/// an empty string (<c>""</c>): that difference is the reason this parser exists.
/// </summary>
internal struct CsvField
{
    public int Start;
    public int Length;
    public bool IsNull;

    /// <summary>The raw value contains doubled quotes (<c>""</c>) that must be collapsed to read it.</summary>
    public bool HasEscapedQuotes;
}
