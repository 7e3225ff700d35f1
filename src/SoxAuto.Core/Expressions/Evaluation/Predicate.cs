using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>A compiled condition. Evaluating it allocates nothing: it runs once per row of the extract.</summary>
internal abstract class Predicate
{
    public abstract Truth Evaluate(TypedRow row);

    protected static Truth Of(bool value) => value ? Truth.True : Truth.False;
}
