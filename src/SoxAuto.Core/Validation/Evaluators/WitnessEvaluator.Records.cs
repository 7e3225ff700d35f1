using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>Turning declared records and witness-query rows into keyed expectations.</summary>
internal sealed partial class WitnessEvaluator
{
    /// <summary>Adds one record; <paramref name="value"/> gives a column's text (null = NULL) and whether the record names it.</summary>
    private string? Add(Func<string, (bool Named, string? Text)> value, IEnumerable<string> columns, string what)
    {
        _key.Clear();
        List<string> shown = [];
        foreach (int column in _keyColumns)
        {
            ColumnSchema key = _context.Schema.Columns[column];
            (bool named, string? text) = value(key.Name);
            if (!named)
            {
                return $"{what} gives no value for the key column {key.Name}";
            }

            if (KeyEncoder.AppendText(_key, text, key.Type) is { } bad)
            {
                return $"{what}: {bad}, but {key.Name} is {key.Type}";
            }

            shown.Add($"{key.Name}={text ?? "NULL"}");
        }

        List<ExpectedValue> expected = [];
        foreach (string name in columns.Where(c => !_keyColumns.Any(k => string.Equals(_context.Schema.Columns[k].Name, c, StringComparison.OrdinalIgnoreCase))))
        {
            int column = _context.Schema.Columns.ToList().FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (column < 0)
            {
                return $"{what} names {name}, which is not a column of the extract";
            }

            AthenaType type = _context.Schema.Columns[column].Type;
            string? text = value(name).Text;
            KeyBuffer encoded = new();
            if (KeyEncoder.AppendText(encoded, text, type) is { } bad)
            {
                return $"{what}: {bad}, but {_context.Schema.Columns[column].Name} is {type}";
            }

            expected.Add(new ExpectedValue(column, _context.Schema.Columns[column].Name, type, encoded.Span.ToArray(), text));
        }

        string display = string.Join(", ", shown);
        return _lookup.TryAdd(_key.Span, new Witness(display, expected)) ? null : $"{what}: the record {display} is given more than once";
    }

    private string? AddFromQuery(SourceQueryResult source)
    {
        string[] names = source.Columns.Select(c => c.Name).ToArray();
        if (source.Rows.Count == 0)
        {
            return "the witness query returned no records, so nothing was traced";
        }

        for (int r = 0; r < source.Rows.Count; r++)
        {
            IReadOnlyList<string?> row = source.Rows[r];
            if (row.Count != names.Length)
            {
                return $"the witness query's row {r + 1} has {row.Count} values for {names.Length} columns";
            }

            (bool, string?) Value(string column)
            {
                int index = Array.FindIndex(names, n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
                return index < 0 ? (false, null) : (true, row[index]);
            }

            if (Add(Value, names, $"the witness query's row {r + 1}") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
