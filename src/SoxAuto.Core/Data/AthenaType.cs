using System.Globalization;
using System.Text.RegularExpressions;

namespace SoxAuto.Core.Data;

/// <summary>
/// A column type as Athena (Trino) names it. <see cref="Text"/> is canonical: lower case with no spaces
/// (<c>decimal(38,2)</c>), which is also the spelling CDH-1 hashes.
/// </summary>
public sealed partial record AthenaType
{
    private AthenaType(string text, ColumnKind kind, int precision, int scale, int integerBits)
    {
        Text = text;
        Kind = kind;
        Precision = precision;
        Scale = scale;
        IntegerBits = integerBits;
    }

    public string Text { get; }

    public ColumnKind Kind { get; }

    /// <summary>Digits of a decimal; length of a varchar/char (0 when unbounded); otherwise 0.</summary>
    public int Precision { get; }

    /// <summary>Digits after the point of a decimal; fractional-second digits of a timestamp; otherwise 0.</summary>
    public int Scale { get; }

    /// <summary>Width of an integer type (8, 16, 32, 64); 0 for other kinds.</summary>
    public int IntegerBits { get; }

    public static AthenaType Varchar { get; } = new("varchar", ColumnKind.String, 0, 0, 0);

    public static AthenaType Bigint { get; } = new("bigint", ColumnKind.Integer, 19, 0, 64);

    public static AthenaType Date { get; } = new("date", ColumnKind.Date, 0, 0, 0);

    public static AthenaType Timestamp { get; } = new("timestamp", ColumnKind.Timestamp, 0, 3, 0);

    public static AthenaType Boolean { get; } = new("boolean", ColumnKind.Boolean, 0, 0, 0);

    public static AthenaType Double { get; } = new("double", ColumnKind.Double, 0, 0, 0);

    public static AthenaType DecimalOf(int precision, int scale) =>
        Parse(string.Create(CultureInfo.InvariantCulture, $"decimal({precision},{scale})"));

    public bool IsNumeric => Kind is ColumnKind.Integer or ColumnKind.Decimal or ColumnKind.Double;

    /// <summary><c>real</c> (alias <c>float</c>): a 32-bit binary float, held widened to a double when read.</summary>
    public bool IsSinglePrecision => Kind == ColumnKind.Double && Text is "real" or "float";

    public override string ToString() => Text;

    public static AthenaType Parse(string text) =>
        TryParse(text, out AthenaType? type, out string? error) ? type : throw new FormatException(error);

    /// <summary>Parses a declared type such as <c>decimal(38, 2)</c>, <c>VARCHAR</c> or <c>timestamp(3)</c>.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AthenaType? type,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        type = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the type is empty";
            return false;
        }

        string canonical = WhitespaceRegex().Replace(text.Trim().ToLowerInvariant(), string.Empty);
        Match match = ShapeRegex().Match(canonical);
        if (!match.Success)
        {
            error = $"'{text}' is not an Athena type";
            return false;
        }

        string name = match.Groups["name"].Value;
        string[] arguments = match.Groups["args"].Success
            ? match.Groups["args"].Value.Split(',')
            : [];
        error = null;
        switch (name)
        {
            case "varchar" or "char" or "string":
                if (arguments.Length > 1 || (name == "string" && arguments.Length > 0) || !AllDigits(arguments))
                {
                    error = $"'{text}': {name} takes at most one length";
                    return false;
                }

                type = new AthenaType(canonical, ColumnKind.String, arguments.Length == 1 ? ToInt(arguments[0]) : 0, 0, 0);
                return true;
            case "tinyint" or "smallint" or "integer" or "int" or "bigint":
                if (arguments.Length > 0)
                {
                    error = $"'{text}': {name} takes no arguments";
                    return false;
                }

                int bits = name switch { "tinyint" => 8, "smallint" => 16, "bigint" => 64, _ => 32 };
                type = new AthenaType(canonical, ColumnKind.Integer, 0, 0, bits);
                return true;
            case "decimal":
                return TryDecimal(text, canonical, arguments, out type, out error);
            case "double" or "real" or "float":
                if (arguments.Length > 0)
                {
                    error = $"'{text}': {name} takes no arguments";
                    return false;
                }

                type = new AthenaType(canonical, ColumnKind.Double, 0, 0, 0);
                return true;
            case "boolean" or "date":
                if (arguments.Length > 0)
                {
                    error = $"'{text}': {name} takes no arguments";
                    return false;
                }

                type = new AthenaType(canonical, name == "date" ? ColumnKind.Date : ColumnKind.Boolean, 0, 0, 0);
                return true;
            case "timestamp":
                if (arguments.Length > 1 || !AllDigits(arguments) || (arguments.Length == 1 && ToInt(arguments[0]) > 12))
                {
                    error = $"'{text}': timestamp takes one precision from 0 to 12";
                    return false;
                }

                type = new AthenaType(canonical, ColumnKind.Timestamp, 0, arguments.Length == 1 ? ToInt(arguments[0]) : 3, 0);
                return true;
            default:
                if (!OtherTypeNames.Contains(name))
                {
                    error = $"'{text}' is not an Athena type (expected varchar, bigint, integer, decimal(p,s), double, boolean, date, timestamp, ...)";
                    return false;
                }

                type = new AthenaType(canonical, ColumnKind.Other, 0, 0, 0);
                return true;
        }
    }

    private static bool TryDecimal(string text, string canonical, string[] arguments, out AthenaType? type, out string? error)
    {
        type = null;
        if (arguments.Length != 2 || !AllDigits(arguments))
        {
            error = $"'{text}': declare decimals with precision and scale, e.g. decimal(38,2)";
            return false;
        }

        int precision = ToInt(arguments[0]);
        int scale = ToInt(arguments[1]);
        if (precision is < 1 or > 38 || scale > precision)
        {
            error = $"'{text}': precision must be 1..38 and scale at most the precision";
            return false;
        }

        error = null;
        type = new AthenaType(canonical, ColumnKind.Decimal, precision, scale, 0);
        return true;
    }

    private static bool AllDigits(string[] arguments) =>
        arguments.All(a => a.Length is > 0 and <= 3 && a.All(char.IsAsciiDigit));

    private static int ToInt(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static readonly HashSet<string> OtherTypeNames =
    [
        "array", "map", "row", "json", "varbinary", "time", "timestampwithtimezone", "timewithtimezone",
        "intervalyeartomonth", "intervaldaytosecond", "uuid", "ipaddress", "ipprefix",
    ];

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    // A name, optionally followed by one parenthesised argument list. Nested types (array(row(...))) keep their text as is.
    [GeneratedRegex(@"^(?<name>[a-z]+)(\((?<args>[^()]*)\))?$|^(?<name>array|map|row)\(.*\)$")]
    private static partial Regex ShapeRegex();
}
