using System.Globalization;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Catalog;

/// <summary>
/// A typed parameter value. It renders itself as Athena SQL literal text, which is what Athena's
/// <c>ExecutionParameters</c> carry (strings quoted with <c>'</c> doubled; dates as <c>DATE '…'</c>).
/// </summary>
public abstract record ParameterValue
{
    public abstract ParameterType Type { get; }

    /// <summary>The Athena literals bound for this value: one for a scalar, one per element for a list.</summary>
    public abstract IReadOnlyList<string> ToSqlLiterals();

    /// <summary>The value as plain text for evidence and messages (not SQL).</summary>
    public abstract string Display { get; }

    public override string ToString() => Display;

    public static string QuoteString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

public sealed record DateParameterValue(DateOnly Value) : ParameterValue
{
    public override ParameterType Type => ParameterType.Date;

    public override string Display => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override IReadOnlyList<string> ToSqlLiterals() => [$"DATE '{Display}'"];
}

public sealed record TimestampParameterValue(DateTime Value) : ParameterValue
{
    public override ParameterType Type => ParameterType.Timestamp;

    public override string Display => Value.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public override IReadOnlyList<string> ToSqlLiterals() => [$"TIMESTAMP '{Display}'"];
}

public sealed record VarcharParameterValue(string Value) : ParameterValue
{
    public override ParameterType Type => ParameterType.Varchar;

    public override string Display => Value;

    public override IReadOnlyList<string> ToSqlLiterals() => [QuoteString(Value)];
}

public sealed record BigintParameterValue(long Value) : ParameterValue
{
    public override ParameterType Type => ParameterType.Bigint;

    public override string Display => Value.ToString(CultureInfo.InvariantCulture);

    public override IReadOnlyList<string> ToSqlLiterals() => [Display];
}

public sealed record DecimalParameterValue(ScaledDecimal Value) : ParameterValue
{
    public override ParameterType Type => ParameterType.Decimal;

    public override string Display => Value.ToString();

    public override IReadOnlyList<string> ToSqlLiterals() => [$"DECIMAL '{Display}'"];
}

public sealed record BooleanParameterValue(bool Value) : ParameterValue
{
    public override ParameterType Type => ParameterType.Boolean;

    public override string Display => Value ? "true" : "false";

    public override IReadOnlyList<string> ToSqlLiterals() => [Display];
}

public sealed record VarcharArrayParameterValue(IReadOnlyList<string> Values) : ParameterValue
{
    public override ParameterType Type => ParameterType.VarcharArray;

    public override string Display => "[" + string.Join(", ", Values) + "]";

    public override IReadOnlyList<string> ToSqlLiterals() => Values.Select(QuoteString).ToArray();

    public bool Equals(VarcharArrayParameterValue? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Aggregate(0, (hash, value) => HashCode.Combine(hash, value));
}
