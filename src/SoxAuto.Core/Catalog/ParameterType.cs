namespace SoxAuto.Core.Catalog;

/// <summary>The types a query parameter can have. Names in the catalog follow Athena's spelling.</summary>
public enum ParameterType
{
    Date,
    Timestamp,
    Varchar,
    Bigint,
    Decimal,
    Boolean,

    /// <summary>A non-empty list of strings, bound as one positional marker per element (<c>IN (:list)</c>).</summary>
    VarcharArray,
}
