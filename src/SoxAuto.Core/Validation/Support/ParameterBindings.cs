using SoxAuto.Core.Catalog;
using SoxAuto.Core.Sql;

namespace SoxAuto.Core.Validation.Support;

/// <summary>The values an expression's parameters had in this run, for the message: " (:cutoff_date = 2025-09-30)".</summary>
internal static class ParameterBindings
{
    public static string Describe(string expression, IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        (IReadOnlyList<SqlToken> tokens, _) = SqlLexer.Tokenize(expression);
        string[] bound = tokens.Where(t => t.Kind == SqlTokenKind.NamedParameter)
            .Select(t => t.ParameterName)
            .Distinct(StringComparer.Ordinal)
            .Where(parameters.ContainsKey)
            .Select(name => $":{name} = {parameters[name].Display}")
            .ToArray();
        return bound.Length == 0 ? string.Empty : $" ({string.Join(", ", bound)})";
    }
}
