using System.Text;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>One witness record during the pass: how often its key was seen (more than once fails), and how the first row found differs.</summary>
internal sealed class Witness(string display, IReadOnlyList<ExpectedValue> expected)
{
    private readonly List<string> _differences = [];

    public string Display => display;

    public long Occurrences { get; private set; }

    public IReadOnlyList<string> Differences => _differences;

    public IReadOnlyList<ExpectedValue> Expected => expected;

    /// <summary>A witness identifies one record: its key found again means the extract holds duplicates of it.</summary>
    public bool IsRepeated => Occurrences > 1;

    /// <summary>
    /// Called for a row with this witness's key; returns whether the row is worth a sample: the first row when it
    /// differs from the expected values, and the first repeat of the key.
    /// </summary>
    public bool Observe(TypedRow row, KeyBuffer scratch)
    {
        if (++Occurrences > 1)
        {
            return Occurrences == 2;
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
