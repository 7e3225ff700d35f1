using System.Globalization;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// <c>accuracy.witness</c>: records identified by key must be in the extract with the expected values, compared as the
/// columns' types (a witness 239726184 finds a bigint; 100 equals a decimal 100.00; a date is a date; null expects
/// NULL). Only the witness keys are held during the pass. Declared records apply to the run's cutoff (or to every
/// cutoff when they name none); a query's records must be handed over before the pass (<see cref="IEarlySourceResults"/>).
/// </summary>
internal sealed partial class WitnessEvaluator : CheckEvaluator
{
    private readonly WitnessCheck _check;
    private readonly EvaluatorContext _context;
    private readonly int[] _keyColumns;
    private readonly KeyBuffer _key = new();
    private readonly KeyBuffer _scratch = new();
    private readonly SampleCollector _samples;
    private readonly List<int> _sampleColumns = [];
    private readonly Dictionary<byte[], Witness> _witnesses = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], Witness>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private SourceQueryResult? _early;
    private string? _notReady;

    public WitnessEvaluator(WitnessCheck check, EvaluatorContext context, IReadOnlyList<WitnessRecord> applicable)
        : base(check)
    {
        _check = check;
        _context = context;
        _keyColumns = context.ColumnsOrKey(check.KeyColumns, "witness key");
        _samples = new SampleCollector(context.Schema, context.Options.SampleLimit);
        _lookup = _witnesses.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (check.Query is null)
        {
            foreach (WitnessRecord record in applicable)
            {
                string line = record.Location.HasLine ? $"the record at line {record.Location.Line.ToString(CultureInfo.InvariantCulture)}" : "a record";
                if (Add(name => record.Values.TryGetValue(name, out string? v) ? (true, v) : (false, null), record.Values.Keys, line) is { } problem)
                {
                    throw new CheckSetupException(problem);
                }
            }
        }
    }

    public override bool ReadsRows => true;

    public override QueryText? SourceQuery => _check.Query;

    public override bool NeedsSourceBeforeRows => _check.Query is not null;

    public override void ProvideEarly(SourceQueryResult result) => _early = result;

    public override void Start()
    {
        if (_check.Query is null)
        {
            return;
        }

        _notReady = _early is null ? "the witness query's records were not available when the extract was read, so no record was traced"
            : _early.Error is { } error ? $"the witness query failed: {error}"
            : AddFromQuery(_early);
        if (_notReady is not null)
        {
            _witnesses.Clear();
        }
    }

    public override void Consume(TypedRow row)
    {
        _key.Clear();
        foreach (int column in _keyColumns)
        {
            KeyEncoder.Append(_key, row, column, _context.Schema.Columns[column].Type);
        }

        if (_lookup.TryGetValue(_key.Span, out Witness? witness) && witness.Observe(row, _scratch))
        {
            Sample(row, witness);
        }
    }

    private void Sample(TypedRow row, Witness witness)
    {
        _sampleColumns.Clear();
        _sampleColumns.AddRange(_keyColumns);
        _sampleColumns.AddRange(witness.Expected.Select(e => e.Column).Where(c => !_sampleColumns.Contains(c)));
        _samples.Add(row, _sampleColumns);
    }

    public override CheckResult Complete(long extractedRows, SourceQueryResult? source)
    {
        if (_notReady is not null)
        {
            return Result(CheckStatus.Error, char.ToUpperInvariant(_notReady[0]) + _notReady[1..] + ".", source);
        }

        Witness[] all = [.. _witnesses.Values];
        Witness[] missing = all.Where(w => w.Occurrences == 0).ToArray();
        Witness[] different = all.Where(w => w.Differences.Count > 0).ToArray();
        Witness[] repeated = all.Where(w => w.IsRepeated).ToArray();
        string origin = _check.Query is null ? $"declared for cutoff {_context.Cutoff:yyyy-MM-dd}" : "from the witness query";
        string[] problems = all.Select(Problem).OfType<string>().ToArray();
        string message = problems.Length == 0
            ? (all.Length == 1 ? $"The witness record {origin} is" : $"All {CheckFormat.Count(all.Length)} witness records {origin} are") +
                $" in the extract with the expected values: {CheckFormat.FirstFew(all.Select(w => w.Display).ToArray())}."
            : $"{CheckFormat.Count(problems.Length)} of {CheckFormat.Of(all.Length, "witness record", "witness records")} {origin} " +
                $"{(problems.Length == 1 ? "is" : "are")} not in the extract as expected: {CheckFormat.FirstFew(problems)}.";
        return Result(problems.Length == 0 ? CheckStatus.Pass : CheckStatus.Fail, message, source) with
        {
            Expected = $"{CheckFormat.Of(all.Length, "record", "records")} {origin}",
            Actual = $"{(all.Length - problems.Length).ToString(CultureInfo.InvariantCulture)} found as expected, " +
                $"{missing.Length.ToString(CultureInfo.InvariantCulture)} missing, {different.Length.ToString(CultureInfo.InvariantCulture)} with other values, " +
                $"{repeated.Length.ToString(CultureInfo.InvariantCulture)} repeated",
            Details = all.Take(_context.Options.DetailLimit).Select(Detail).ToArray(),
            Samples = _samples.Samples,
            FailingRows = problems.Length,
        };
    }

    // A record can be both different and repeated: both are said, as either alone fails it.
    private static string? Problem(Witness witness)
    {
        if (witness.Occurrences == 0)
        {
            return $"{witness.Display} is missing";
        }

        string? differs = witness.Differences.Count > 0 ? $"has {string.Join(", ", witness.Differences)}" : null;
        string? repeated = witness.IsRepeated ? $"appears {CheckFormat.Count(witness.Occurrences)} times (a witness key identifies one record)" : null;
        return differs is null && repeated is null ? null : $"{witness.Display} {string.Join(" and ", new[] { differs, repeated }.OfType<string>())}";
    }

    private static Dictionary<string, string?> Detail(Witness witness) => new(StringComparer.Ordinal)
    {
        ["record"] = witness.Display,
        ["status"] = witness.Occurrences == 0 ? "missing" : witness.Differences.Count > 0 ? "different" : witness.IsRepeated ? "repeated" : "found",
        ["occurrences"] = witness.Occurrences.ToString(CultureInfo.InvariantCulture),
        ["differences"] = witness.Differences.Count == 0 ? null : string.Join("; ", witness.Differences),
    };
}
