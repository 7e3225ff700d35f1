namespace SoxAuto.Core.Expressions;

internal enum ExpressionTokenKind
{
    /// <summary>A column name or a keyword (keywords are recognised by the parser, case-insensitively).</summary>
    Word,

    /// <summary><c>:name</c>; the token's text is the name.</summary>
    Parameter,

    /// <summary><c>'text'</c>; the token's text is the value, <c>''</c> collapsed to <c>'</c>.</summary>
    String,

    /// <summary><c>42</c>, <c>-12.50</c>.</summary>
    Number,

    /// <summary><c>=</c>, <c>&lt;&gt;</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</summary>
    Operator,

    LeftParenthesis,
    RightParenthesis,
    Comma,
    End,
}
