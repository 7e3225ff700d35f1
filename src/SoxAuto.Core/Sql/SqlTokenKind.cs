namespace SoxAuto.Core.Sql;

public enum SqlTokenKind
{
    Whitespace,

    /// <summary><c>-- …</c> to the end of the line, or <c>/* … */</c>.</summary>
    Comment,

    /// <summary><c>'…'</c> with <c>''</c> as an escaped quote (also the body of <c>DATE '…'</c>, <c>U&amp;'…'</c>).</summary>
    StringLiteral,

    /// <summary><c>"…"</c> with <c>""</c> as an escaped quote, e.g. <c>"Opco/Central_?"</c>; also <c>`…`</c>.</summary>
    QuotedIdentifier,

    /// <summary>A bare word: a keyword, function or identifier.</summary>
    Word,

    Number,

    /// <summary><c>:name</c>, a SoxAuto named parameter.</summary>
    NamedParameter,

    /// <summary><c>?</c>, a positional parameter marker.</summary>
    PositionalParameter,

    Semicolon,

    /// <summary>Operators and punctuation: <c>( ) , . = &lt;&gt; || …</c>.</summary>
    Symbol,
}
