using System.Globalization;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// <c>completeness.critical_columns</c>: each column is filled (non-NULL, and non-empty with <c>non_empty</c>) in at
/// least the threshold share of rows. Counts are exact; samples show the key and the missing values.
/// </summary>
internal sealed class CriticalColumnsEvaluator : CheckEvaluator
{
    private readonly CriticalColumnsCheck _check;
    private readonly ResultSchema _schema;
    private readonly int[] _columns;
    private readonly bool[] _emptyCounts;
    private readonly long[] _missing;
    private readonly int[] _keys;
    private readonly SampleCollector _samples;
    private readonly List<int> _sampleColumns = [];
    private long _failingRows;

    public CriticalColumnsEvaluator(CriticalColumnsCheck check, EvaluatorContext context)
        : base(check)
    {
        _check = check;
        _schema = context.Schema;
        IReadOnlyList<string> names = check.Columns.Count > 0 ? check.Columns : context.Item.Columns.Where(c => c.IsCritical).Select(c => c.Name).ToArray();
        if (names.Count == 0)
        {
            throw new CheckSetupException("the check names no columns and the item marks none critical");
        }

        _columns = names.Select(n => context.Column(n, "critical column")).ToArray();
        _emptyCounts = _columns.Select(c => check.NonEmpty && _schema.Columns[c].Type.Kind == ColumnKind.String).ToArray();
        _missing = new long[_columns.Length];
        _keys = context.KeyColumns;
        _samples = new SampleCollector(_schema, context.Options.SampleLimit);
    }

    public override bool ReadsRows => true;

    public override void Consume(TypedRow row)
    {
        bool any = false;
        for (int i = 0; i < _columns.Length; i++)
        {
            if (IsMissing(row, i))
            {
                _missing[i]++;
                any = true;
            }
        }

        if (any)
        {
            _failingRows++;
            if (!_samples.IsFull)
            {
                _sampleColumns.Clear();
                _sampleColumns.AddRange(_keys);
                for (int i = 0; i < _columns.Length; i++)
                {
                    if (IsMissing(row, i) && !_sampleColumns.Contains(_columns[i]))
                    {
                        _sampleColumns.Add(_columns[i]);
                    }
                }

                _samples.Add(row, _sampleColumns);
            }
        }
    }

    private bool IsMissing(TypedRow row, int i) => row.IsNull(_columns[i]) || (_emptyCounts[i] && row.Text(_columns[i]).IsEmpty);

    public override CheckResult Complete(long extractedRows, SourceQueryResult? source)
    {
        string missingWord = _check.NonEmpty ? "NULL or empty" : "NULL";
        List<string> failures = [];
        List<IReadOnlyDictionary<string, string?>> details = [];
        for (int i = 0; i < _columns.Length; i++)
        {
            string name = _schema.Columns[_columns[i]].Name;
            long filled = extractedRows - _missing[i];
            bool enough = filled >= _check.Threshold * extractedRows;
            if (!enough)
            {
                failures.Add($"{name} is {missingWord} in {CheckFormat.Count(_missing[i])} of {CheckFormat.Rows(extractedRows)} " +
                    $"({CheckFormat.Share(filled, extractedRows)} filled)");
            }

            details.Add(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["column"] = name,
                ["missing"] = _missing[i].ToString(CultureInfo.InvariantCulture),
                ["filled_share"] = CheckFormat.Share(filled, extractedRows),
                ["required_share"] = CheckFormat.Share(_check.Threshold),
                ["status"] = enough ? "pass" : "fail",
            });
        }

        string names = string.Join(", ", _columns.Select(c => _schema.Columns[c].Name));
        string required = CheckFormat.Share(_check.Threshold);
        string message = failures.Count > 0
            ? $"{string.Join("; ", failures)}; at least {required} must be filled."
            : extractedRows == 0 ? $"The extract has no rows, so no value of {names} is missing."
            : _failingRows == 0 ? $"Every one of the {CheckFormat.Rows(extractedRows)} has {names} filled{(_check.NonEmpty ? " (not NULL, not empty)" : string.Empty)}."
            : $"{names} are filled in at least the required {required} of the {CheckFormat.Rows(extractedRows)} ({CheckFormat.Rows(_failingRows)} with a gap).";
        return Result(failures.Count > 0 ? CheckStatus.Fail : CheckStatus.Pass, message) with
        {
            Expected = $"at least {required} of rows with {names} filled{(_check.NonEmpty ? " (not NULL, not empty)" : " (not NULL)")}",
            Actual = string.Join(", ", details.Select(d => $"{d["column"]} {d["filled_share"]}")),
            Details = details,
            Samples = _samples.Samples,
            FailingRows = _failingRows,
        };
    }
}
