using System.Globalization;
using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Athena;

/// <summary>
/// Rebuilds the catalog spelling of a result column's type from Athena's ColumnInfo: decimals from Precision and Scale
/// (<c>decimal(38,2)</c>), as awswrangler does; <c>char(n)</c> keeps its length; everything else is its base name.
/// </summary>
internal static class AthenaTypeNames
{
    public static string From(ColumnInfo column)
    {
        string type = column.Type.Trim().ToLowerInvariant();
        return type switch
        {
            "decimal" when column.Precision is { } precision => string.Create(CultureInfo.InvariantCulture, $"decimal({precision},{column.Scale ?? 0})"),
            "char" when column.Precision is > 0 and { } length => string.Create(CultureInfo.InvariantCulture, $"char({length})"),
            "float" => "real",
            _ => type.Replace(" ", string.Empty, StringComparison.Ordinal),
        };
    }
}
