using System.Globalization;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// <c>uniqueness</c>, exact. The catalog orders every query by its key, so duplicates arrive next to each other: each
/// row's key is compared with the previous one (encoded so that byte order is the columns' value order: numbers
/// numerically, text by UTF-8 bytes as Trino sorts varchar, dates in time, NULL last as Trino's default) while keys
/// arrive in one direction — two key buffers, however many rows. To stay exact if that order breaks, the first
/// <see cref="CheckSuiteOptions.UniquenessRetainedKeys"/> keys are also kept in a set (exact key bytes, never a lossy
/// hash): a break within them switches to that set for the rest of the pass (memory then grows with the distinct keys,
/// roughly key bytes + 50 bytes each). After them the keys are released, and a later break cannot be checked exactly:
/// the check becomes an ERROR (or a FAIL if duplicates were already found), never a guessed PASS.
/// </summary>
internal sealed class UniquenessEvaluator : CheckEvaluator
{
    private readonly int[] _columns;
    private readonly AthenaType[] _types;
    private readonly string _names;
    private readonly int _retainLimit;
    private readonly SampleCollector _samples;
    private KeyBuffer _current = new();
    private KeyBuffer _previous = new();
    private bool _hasPrevious;
    private bool _previousReported;
    private int _direction;
    private Dictionary<byte[], bool>? _keys = new(ByteKeyComparer.Instance);
    private Dictionary<byte[], bool>.AlternateLookup<ReadOnlySpan<byte>> _keyLookup;
    private bool _hashed;
    private long _brokenAtRow;
    private long _rows;
    private long _duplicateRows;
    private long _duplicatedKeys;

    public UniquenessEvaluator(UniquenessCheck check, EvaluatorContext context)
        : base(check)
    {
        _columns = context.ColumnsOrKey(check.Columns, "unique");
        _types = _columns.Select(c => context.Schema.Columns[c].Type).ToArray();
        _names = string.Join(", ", _columns.Select(c => context.Schema.Columns[c].Name));
        _retainLimit = context.Options.UniquenessRetainedKeys;
        _samples = new SampleCollector(context.Schema, context.Options.SampleLimit);
        _keyLookup = _keys.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public override bool ReadsRows => true;

    public override void Consume(TypedRow row)
    {
        if (_brokenAtRow > 0)
        {
            return;
        }

        _rows++;
        _current.Clear();
        for (int i = 0; i < _columns.Length; i++)
        {
            KeyEncoder.Append(_current, row, _columns[i], _types[i]);
        }

        if (_hashed)
        {
            ConsumeHashed(row);
        }
        else
        {
            ConsumeInOrder(row);
        }
    }

    private void ConsumeInOrder(TypedRow row)
    {
        if (_hasPrevious)
        {
            int order = Math.Sign(_current.Span.SequenceCompareTo(_previous.Span));
            if (order == 0)
            {
                Duplicate(row, firstTimeForKey: !_previousReported);
                _previousReported = true;
                if (_keys is not null)
                {
                    _keyLookup[_current.Span] = true;
                }

                return;
            }

            _direction = _direction == 0 ? order : _direction;
            if (order != _direction)
            {
                if (_keys is null)
                {
                    _brokenAtRow = row.Number;
                    return;
                }

                _hashed = true;
                ConsumeHashed(row);
                return;
            }
        }

        _previousReported = false;
        if (_keys is not null)
        {
            if (_rows <= _retainLimit)
            {
                _keyLookup.TryAdd(_current.Span, false);
            }
            else
            {
                // The order held over the retained rows: release them; from here on memory stays flat.
                _keys = null;
                _keyLookup = default;
            }
        }

        (_previous, _current) = (_current, _previous);
        _hasPrevious = true;
    }

    private void ConsumeHashed(TypedRow row)
    {
        if (_keyLookup.TryGetValue(_current.Span, out bool reported))
        {
            Duplicate(row, firstTimeForKey: !reported);
            _keyLookup[_current.Span] = true;
        }
        else
        {
            _keyLookup.TryAdd(_current.Span, false);
        }
    }

    private void Duplicate(TypedRow row, bool firstTimeForKey)
    {
        _duplicateRows++;
        if (firstTimeForKey)
        {
            _duplicatedKeys++;
            _samples.Add(row, _columns);
        }
    }

    public override CheckResult Complete(long extractedRows, SourceQueryResult? source)
    {
        string method = _brokenAtRow > 0 ? "key order, broken"
            : _hashed ? $"all {CheckFormat.Count(_keys!.Count)} distinct keys in memory (the extract is not in key order)"
            : "key order (each key compared with the previous one)";
        string keys = string.Join("; ", _samples.Samples.Select(s => string.Join(", ", s.Values.Select(v => v ?? "NULL"))));
        string found = $"{CheckFormat.Rows(_duplicateRows)} {(_duplicateRows == 1 ? "repeats" : "repeat")} a key already seen: " +
            $"{CheckFormat.Of(_duplicatedKeys, "value", "values")} of ({_names}) {(_duplicatedKeys == 1 ? "occurs" : "occur")} more than once ({keys}" +
            (_duplicatedKeys > _samples.Samples.Count ? "; …)" : ")");
        CheckResult result;
        if (_brokenAtRow > 0)
        {
            string broken = $"The extract is not in order of ({_names}) from row {CheckFormat.Count(_brokenAtRow)}, after the first " +
                $"{CheckFormat.Count(_retainLimit)} rows were confirmed in order and their keys released";
            result = _duplicateRows > 0
                ? Result(CheckStatus.Fail, $"{found} in the first {CheckFormat.Rows(_brokenAtRow - 1)}. {broken}, so the rest was not checked.")
                : Result(CheckStatus.Error, $"{broken}: uniqueness over the whole extract cannot be proven without every key in memory. " +
                    $"Order the query by the key (ORDER BY {_names}); the first {CheckFormat.Rows(_brokenAtRow - 1)} have no duplicate.");
        }
        else
        {
            result = _duplicateRows > 0
                ? Result(CheckStatus.Fail, $"{found}.")
                : Result(CheckStatus.Pass, $"Every one of the {CheckFormat.Rows(extractedRows)} has its own ({_names}); checked by {method}.");
        }

        return result with
        {
            Expected = $"no two rows with the same ({_names})",
            Actual = _duplicateRows.ToString(CultureInfo.InvariantCulture) + " duplicate row(s), " +
                _duplicatedKeys.ToString(CultureInfo.InvariantCulture) + " duplicated key(s)",
            Details = [new Dictionary<string, string?>(StringComparer.Ordinal) { ["method"] = method, ["rows_checked"] = _rows.ToString(CultureInfo.InvariantCulture) }],
            Samples = _samples.Samples,
            FailingRows = _duplicateRows,
        };
    }
}
