using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>
/// A value in a compiled expression: a column of the current row or a constant (parameter or literal). Only the
/// accessor of the operand's kind is called, and only when it is not NULL — the compiler guarantees both.
/// </summary>
internal abstract class Operand
{
    public abstract bool IsNull(TypedRow row);

    public abstract ScaledDecimal Number(TypedRow row);

    public abstract double Double(TypedRow row);

    /// <summary>UTF-8 text.</summary>
    public abstract ReadOnlySpan<byte> Text(TypedRow row);

    public abstract Temporal Temporal(TypedRow row);

    public abstract bool Boolean(TypedRow row);
}
