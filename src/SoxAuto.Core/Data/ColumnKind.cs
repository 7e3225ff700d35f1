namespace SoxAuto.Core.Data;

/// <summary>How a column's values are read, compared and canonicalised. Several Athena types share a kind.</summary>
public enum ColumnKind
{
    /// <summary><c>varchar</c>, <c>varchar(n)</c>, <c>char(n)</c>, <c>string</c>.</summary>
    String,

    /// <summary><c>tinyint</c>, <c>smallint</c>, <c>integer</c>/<c>int</c>, <c>bigint</c>.</summary>
    Integer,

    /// <summary><c>decimal(p,s)</c>.</summary>
    Decimal,

    /// <summary><c>double</c>, <c>real</c>, <c>float</c>.</summary>
    Double,

    /// <summary><c>boolean</c>.</summary>
    Boolean,

    /// <summary><c>date</c>.</summary>
    Date,

    /// <summary><c>timestamp</c>, <c>timestamp(p)</c> (without time zone).</summary>
    Timestamp,

    /// <summary>Everything else (arrays, maps, rows, json, varbinary, time, zoned timestamps): kept as Athena rendered it.</summary>
    Other,
}
