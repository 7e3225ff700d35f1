using SoxAuto.Core.Expressions.Evaluation;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// A range bound, compiled against its column: the column and bound operands to compare, how, and the bound's value
/// as a controller reads it. Null members mean the bound did not compile (see <see cref="Errors"/>).
/// </summary>
internal sealed record CompiledBound(Operand? Column, Operand? Bound, CompareKind Kind, string Display, IReadOnlyList<ExpressionError> Errors)
{
    public bool Succeeded => Column is not null && Bound is not null && Errors.Count == 0;
}
