using SoxAuto.Aws.Athena.Model;

namespace SoxAuto.Aws.Athena;

/// <summary>
/// What the workgroup means for every query of a run, read once with GetWorkGroup: which output location to send (none
/// when the workgroup enforces its own or manages results), and whether result files can be read from S3 at all
/// (not with managed query results or client-side KMS encryption — then results are paged through the API).
/// </summary>
internal sealed record WorkGroupPlan(string WorkGroup, ResultConfiguration? ResultConfigurationToSend, bool ResultsReadableFromStorage, string Explanation)
{
    public static WorkGroupPlan From(WorkGroup workGroup, string? requestedOutputLocation)
    {
        if (string.Equals(workGroup.State, "DISABLED", StringComparison.OrdinalIgnoreCase))
        {
            throw new AthenaException("WorkGroupDisabled", $"Athena workgroup '{workGroup.Name}' is disabled; enable it or choose another with --workgroup", null, null);
        }

        WorkGroupConfiguration? configuration = workGroup.Configuration;
        if (configuration?.ManagedQueryResultsConfiguration?.Enabled == true)
        {
            return new WorkGroupPlan(workGroup.Name, null, false, "managed query results: read through GetQueryResults");
        }

        string? workGroupLocation = configuration?.ResultConfiguration?.OutputLocation;
        bool enforced = configuration?.EnforceWorkGroupConfiguration == true && workGroupLocation is not null;
        string? effectiveEncryption = enforced || requestedOutputLocation is null
            ? configuration?.ResultConfiguration?.EncryptionConfiguration?.EncryptionOption
            : null;
        bool readable = !string.Equals(effectiveEncryption, "CSE_KMS", StringComparison.OrdinalIgnoreCase);
        if (enforced)
        {
            return new WorkGroupPlan(workGroup.Name, null, readable, $"workgroup enforces its output location {workGroupLocation}");
        }

        if (requestedOutputLocation is not null)
        {
            return new WorkGroupPlan(workGroup.Name, new ResultConfiguration { OutputLocation = requestedOutputLocation }, readable,
                $"output location {requestedOutputLocation}");
        }

        if (workGroupLocation is not null)
        {
            return new WorkGroupPlan(workGroup.Name, null, readable, $"the workgroup's output location {workGroupLocation}");
        }

        throw new AthenaException("NoOutputLocation",
            $"Athena workgroup '{workGroup.Name}' has no query result location and none was given; pass --output-location s3://bucket/prefix/, set SOXAUTO_OUTPUT_LOCATION, or set output_location in catalog/settings.yaml",
            null, null);
    }
}
