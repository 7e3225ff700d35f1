namespace SoxAuto.Core.Expressions;

/// <summary>The type of a value in an expression, as the type rules see it.</summary>
internal enum ValueKind
{
    /// <summary>Integer and decimal columns, bigint and decimal parameters, number literals: all exact.</summary>
    Number,

    Double,
    Text,
    Date,
    Timestamp,
    Boolean,

    /// <summary>An <c>array(varchar)</c> parameter: only the list of an <c>in (…)</c>.</summary>
    TextList,

    /// <summary>The literal <c>null</c>.</summary>
    Null,

    /// <summary>A column of another Athena type (array, map, json, …): only <c>is [not] null</c> applies.</summary>
    Other,
}
