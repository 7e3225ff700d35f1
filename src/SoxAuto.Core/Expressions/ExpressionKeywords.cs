namespace SoxAuto.Core.Expressions;

/// <summary>The keywords of the expression language (case-insensitive). Reserved words cannot name a column.</summary>
internal static class ExpressionKeywords
{
    public const string And = "and";
    public const string Or = "or";
    public const string Not = "not";
    public const string In = "in";
    public const string Between = "between";
    public const string Is = "is";
    public const string Null = "null";
    public const string True = "true";
    public const string False = "false";

    /// <summary>Only a keyword when a text literal follows (<c>DATE '2025-09-30'</c>); otherwise a column may be called so.</summary>
    public const string Date = "date";

    public const string Timestamp = "timestamp";

    private static readonly HashSet<string> Reserved = new([And, Or, Not, In, Between, Is, Null, True, False], StringComparer.OrdinalIgnoreCase);

    public static bool IsReserved(string word) => Reserved.Contains(word);
}
