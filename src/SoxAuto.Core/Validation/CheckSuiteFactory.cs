using System.Globalization;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Evaluators;

namespace SoxAuto.Core.Validation;

/// <summary>
/// Builds an item's check suite for a run: one evaluator per declared check, in catalog order. A switched-off check is
/// SKIPPED with its reason; a check that cannot be set up against this result and these values is an ERROR; the
/// others are built regardless.
/// </summary>
public sealed class CheckSuiteFactory(CheckSuiteOptions? options = null) : ICheckSuiteFactory
{
    private readonly CheckSuiteOptions _options = options ?? new CheckSuiteOptions();

    public ICheckSuite Create(CatalogItem item, ResultSchema schema, IReadOnlyDictionary<string, ParameterValue> parameters, DateOnly cutoff)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(parameters);
        EvaluatorContext context = new(item, schema, parameters, cutoff, _options);
        return new CheckSuite(item.Checks.Select(check => Create(check, context)).ToArray());
    }

    private static CheckEvaluator Create(CheckDefinition check, EvaluatorContext context)
    {
        if (!check.Enabled)
        {
            return new FixedResultEvaluator(check, CheckStatus.Skipped, $"Switched off in the catalog: {check.SkipReason ?? "no reason given"}");
        }

        try
        {
            return check switch
            {
                RowCountCheck rowCount => new RowCountEvaluator(rowCount),
                CriticalColumnsCheck critical => new CriticalColumnsEvaluator(critical, context),
                ControlTotalCheck total => new ControlTotalEvaluator(total, context),
                WitnessCheck witness => Witness(witness, context),
                ExclusionCheck exclusion => new ExclusionEvaluator(exclusion, context),
                UniquenessCheck unique => new UniquenessEvaluator(unique, context),
                RangeCheck range => new RangeEvaluator(range, context),
                _ => new FixedResultEvaluator(check, CheckStatus.Error, $"The check kind '{check.Kind}' cannot be evaluated by this version of SoxAuto."),
            };
        }
        catch (CheckSetupException ex)
        {
            return new FixedResultEvaluator(check, CheckStatus.Error, $"The check could not be set up: {ex.Message}.");
        }
    }

    private static CheckEvaluator Witness(WitnessCheck check, EvaluatorContext context)
    {
        if (check.Query is not null)
        {
            return new WitnessEvaluator(check, context, []);
        }

        WitnessRecord[] applicable = check.Records.Where(r => r.Cutoff is null || r.Cutoff == context.Cutoff).ToArray();
        if (applicable.Length > 0)
        {
            return new WitnessEvaluator(check, context, applicable);
        }

        string cutoff = context.Cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] declared = check.Records.Select(r => r.Cutoff!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Distinct().Order(StringComparer.Ordinal).ToArray();
        return new FixedResultEvaluator(check, CheckStatus.Skipped,
            $"No witness declared for cutoff {cutoff}" + (declared.Length > 0 ? $" (records are declared for {string.Join(", ", declared)})." : "."));
    }
}
