using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>A parameter's value or a literal, converted once, when the expression is compiled.</summary>
internal sealed class ConstantOperand : Operand
{
    private readonly ScaledDecimal _number;
    private readonly double _double;
    private readonly byte[] _text;
    private readonly Temporal _temporal;
    private readonly bool _boolean;

    private ConstantOperand(string display, ScaledDecimal number = default, double @double = 0, byte[]? text = null,
        Temporal temporal = default, bool boolean = false)
    {
        Display = display;
        _number = number;
        _double = @double;
        _text = text ?? [];
        _temporal = temporal;
        _boolean = boolean;
    }

    /// <summary>The value as a controller reads it in a message.</summary>
    public string Display { get; }

    /// <summary>An exact number; it also reads as a double, for comparisons of double columns with number literals.</summary>
    public static ConstantOperand OfNumber(ScaledDecimal value) =>
        new(value.ToString(), number: value, @double: double.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture));

    public static ConstantOperand OfText(string value, bool trimTrailingSpaces) =>
        new(value, text: System.Text.Encoding.UTF8.GetBytes(trimTrailingSpaces ? value.TrimEnd(' ') : value));

    public static ConstantOperand OfDate(DateOnly value) =>
        new(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), temporal: Expressions.Temporal.FromDate(value));

    public static ConstantOperand OfTimestamp(Temporal value) => new(value.ToTimestampText(), temporal: value);

    public static ConstantOperand OfBoolean(bool value) => new(value ? "true" : "false", boolean: value);

    /// <summary>
    /// The constant as a <c>real</c> column holds it: rounded to the nearest 32-bit float. A real column reads 0.1 as
    /// 0.100000001490116…, so without this <c>ratio = 0.1</c> would never hold; Trino also compares such a literal as a real.
    /// </summary>
    public ConstantOperand AsSinglePrecision() =>
        new(Display, _number, (float)_double, _text, _temporal, _boolean);

    public override bool IsNull(TypedRow row) => false;

    public override ScaledDecimal Number(TypedRow row) => _number;

    public override double Double(TypedRow row) => _double;

    public override ReadOnlySpan<byte> Text(TypedRow row) => _text;

    public override Temporal Temporal(TypedRow row) => _temporal;

    public override bool Boolean(TypedRow row) => _boolean;

    public override string ToString() => Display;
}
