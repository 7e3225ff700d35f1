using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Evaluators;

namespace SoxAuto.Core.Validation;

/// <summary>
/// The checks' part of the single pass over the extract: every row goes to each in-memory evaluator, in order. An
/// evaluator that throws is set aside (its check becomes ERROR) and the pass — and the other checks — go on.
/// </summary>
internal sealed class CheckRowConsumer(CheckEvaluator[] evaluators) : IRowConsumer
{
    private readonly string?[] _faults = new string?[evaluators.Length];

    public bool Started { get; private set; }

    public bool Finished { get; private set; }

    public long Rows { get; private set; }

    public string? FaultOf(CheckEvaluator evaluator) => _faults[Array.IndexOf(evaluators, evaluator)];

    public void Start(ResultSchema schema)
    {
        Started = true;
        for (int i = 0; i < evaluators.Length; i++)
        {
            try
            {
                evaluators[i].Start();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _faults[i] = ex.Message;
            }
        }
    }

    public void Consume(TypedRow row)
    {
        Rows++;
        for (int i = 0; i < evaluators.Length; i++)
        {
            if (_faults[i] is not null)
            {
                continue;
            }

            try
            {
                evaluators[i].Consume(row);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _faults[i] = $"{ex.Message} (at row {row.Number})";
            }
        }
    }

    public void Finish(long rowCount) => Finished = true;
}
