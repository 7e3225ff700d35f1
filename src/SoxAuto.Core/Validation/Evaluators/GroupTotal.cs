using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>One group's exact sum in the extract, with the group's values as Athena rendered them (for the report).</summary>
internal sealed class GroupTotal(IReadOnlyList<string?> values)
{
    public IReadOnlyList<string?> Values => values;

    public ExactSum Sum { get; } = new();

    public string Display => string.Join(" / ", values.Select(v => v ?? "NULL"));
}
