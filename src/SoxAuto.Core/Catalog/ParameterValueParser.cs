using System.Globalization;
using SoxAuto.Core.Data;
using YamlDotNet.RepresentationModel;

namespace SoxAuto.Core.Catalog;

/// <summary>Reads a literal parameter value of a declared type from YAML (catalog literals and settings values).</summary>
internal static class ParameterValueParser
{
    public static ParameterValue? Parse(YamlNode node, ParameterType type, out string? error)
    {
        error = null;
        if (type == ParameterType.VarcharArray)
        {
            if (node is not YamlSequenceNode sequence)
            {
                error = "an array(varchar) value must be a YAML list, e.g. [TN, TZ, ZA]";
                return null;
            }

            List<string> values = [];
            foreach (YamlNode child in sequence.Children)
            {
                if (child is not YamlScalarNode scalar || YamlMappingReader.IsNull(scalar) || scalar.Value is null)
                {
                    error = "every element of an array(varchar) value must be text";
                    return null;
                }

                values.Add(scalar.Value);
            }

            if (values.Count == 0)
            {
                error = "an array(varchar) value must hold at least one element (Athena cannot bind an empty list)";
                return null;
            }

            return new VarcharArrayParameterValue(values);
        }

        if (node is not YamlScalarNode text || YamlMappingReader.IsNull(text) || text.Value is null)
        {
            error = $"a {ParameterTypes.Name(type)} value must be a single value";
            return null;
        }

        return ParseScalar(text.Value, type, out error);
    }

    public static ParameterValue? ParseScalar(string text, ParameterType type, out string? error)
    {
        error = null;
        switch (type)
        {
            case ParameterType.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date):
                return new DateParameterValue(date);
            case ParameterType.Timestamp when DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime timestamp):
                return new TimestampParameterValue(timestamp);
            case ParameterType.Varchar:
                return new VarcharParameterValue(text);
            case ParameterType.Bigint when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number):
                return new BigintParameterValue(number);
            case ParameterType.Decimal when ScaledDecimal.TryParse(text, out ScaledDecimal amount):
                return new DecimalParameterValue(amount);
            case ParameterType.Boolean when text is "true" or "false":
                return new BooleanParameterValue(text == "true");
            default:
                error = $"'{text}' is not a {ParameterTypes.Name(type)} value" + type switch
                {
                    ParameterType.Date => " (write YYYY-MM-DD)",
                    ParameterType.Timestamp => " (write YYYY-MM-DD HH:MM:SS)",
                    ParameterType.Decimal => " (write plain notation such as 1234.50)",
                    ParameterType.Boolean => " (write true or false)",
                    _ => string.Empty,
                };
                return null;
        }
    }
}
