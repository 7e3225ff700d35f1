using SoxAuto.Core.Expressions.Evaluation;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// A compiled condition — or the errors that prevent it. <see cref="ColumnsRead"/> are the row positions the condition
/// reads (shown next to the key in samples of matching rows).
/// </summary>
internal sealed record ExpressionCompilation(Predicate? Predicate, IReadOnlyList<ExpressionError> Errors, IReadOnlyList<int> ColumnsRead)
{
    public bool Succeeded => Predicate is not null && Errors.Count == 0;
}
