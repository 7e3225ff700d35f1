using System.Text;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>One witness record during the pass: how often its key was seen, and how the first row found differs.</summary>
internal sealed class Witness(string display, IReadOnlyList<ExpectedValue> expected)
{
    private readonly List<string> _differences = [];

    public string Display => display;

    public long Occurrences { get; private set; }

    public IReadOnlyList<string> Differences => _differences;

    public IReadOnlyList<ExpectedValue> Expected => expected;

    /// <summary>Called for a row with this witness's key; returns whether the row differs from the expected values.</summary>
    public bool Observe(TypedRow row, KeyBuffer scratch)
    {
        if (++Occurrences > 1)
        {
            return false;
        }

        foreach (ExpectedValue value in expected)
        {
            scratch.Clear();
            KeyEncoder.Append(scratch, row, value.Column, value.Type);
            if (!scratch.Span.SequenceEqual(value.Encoded))
            {
                string actual = row.IsNull(value.Column) ? "NULL" : Encoding.UTF8.GetString(row.Text(value.Column));
                _differences.Add($"{value.Name} {actual} (expected {value.Text ?? "NULL"})");
            }
        }

        return _differences.Count > 0;
    }
}
