namespace SoxAuto.Core.Catalog;

/// <summary>Catalog spelling of <see cref="ParameterType"/> values.</summary>
public static class ParameterTypes
{
    private static readonly Dictionary<string, ParameterType> ByName = new(StringComparer.Ordinal)
    {
        ["date"] = ParameterType.Date,
        ["timestamp"] = ParameterType.Timestamp,
        ["varchar"] = ParameterType.Varchar,
        ["bigint"] = ParameterType.Bigint,
        ["decimal"] = ParameterType.Decimal,
        ["boolean"] = ParameterType.Boolean,
        ["array(varchar)"] = ParameterType.VarcharArray,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? text, out ParameterType type)
    {
        string normalised = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return ByName.TryGetValue(normalised, out type);
    }

    public static string Name(ParameterType type) => ByName.First(pair => pair.Value == type).Key;
}
