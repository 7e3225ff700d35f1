using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Execution;

/// <summary>
/// Compares the columns Athena returned with the catalog's declaration: same names, same order, same types. Types
/// match by meaning, not spelling: a varchar's length, a timestamp's precision and aliases (int/integer, float/real)
/// do not matter; a decimal's precision and scale and an integer's width do.
/// </summary>
public static class ColumnMatcher
{
    /// <summary>Null when they match; otherwise a message showing both lists.</summary>
    public static string? Mismatch(IReadOnlyList<ColumnDefinition> declared, IReadOnlyList<ResultColumn> actual)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(actual);
        bool same = declared.Count == actual.Count;
        for (int i = 0; same && i < declared.Count; i++)
        {
            same = string.Equals(declared[i].Name, actual[i].Name, StringComparison.Ordinal) && TypesMatch(declared[i].Type, actual[i].Type);
        }

        if (same)
        {
            return null;
        }

        string catalog = string.Join(", ", declared.Select(c => $"{c.Name} {c.Type.Text}"));
        string athena = string.Join(", ", actual.Select(c => $"{c.Name} {c.Type}"));
        return $"Athena's columns differ from the catalog's (names, order or types): catalog [{catalog}]; Athena [{athena}]";
    }

    public static bool TypesMatch(AthenaType declared, string actualType)
    {
        if (!AthenaType.TryParse(actualType, out AthenaType? actual, out _) || actual.Kind != declared.Kind)
        {
            return false;
        }

        return declared.Kind switch
        {
            ColumnKind.Decimal => declared.Precision == actual.Precision && declared.Scale == actual.Scale,
            ColumnKind.Integer => declared.IntegerBits == actual.IntegerBits,
            ColumnKind.String => IsChar(declared) == IsChar(actual) && (!IsChar(declared) || declared.Precision == actual.Precision),
            ColumnKind.Double => IsSingle(declared) == IsSingle(actual),
            ColumnKind.Other => BaseName(declared.Text) == BaseName(actual.Text),
            _ => true,
        };
    }

    private static bool IsChar(AthenaType type) => type.Text.StartsWith("char", StringComparison.Ordinal);

    private static bool IsSingle(AthenaType type) => type.Text is "real" or "float";

    private static string BaseName(string text)
    {
        int parenthesis = text.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? text : text[..parenthesis];
    }
}
