namespace SoxAuto.Cli;

/// <summary>
/// The only place exit-code numbers exist. Schedulers and scripts branch on them, so they never change meaning.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything ran and every check passed (verify: the package holds).</summary>
    public const int Ok = 0;

    /// <summary>Controls failed: at least one check FAILed; the evidence was still written (verify: a mismatch).</summary>
    public const int ControlsFailed = 1;

    /// <summary>
    /// Invalid input or configuration: a bad option, date, catalog file or output folder, or a setting that cannot work
    /// (an unknown profile, no region, a malformed endpoint variable or SOXAUTO_OUTPUT_LOCATION) — from any command and
    /// whichever source it came from. Nothing was sent to AWS or written.
    /// </summary>
    public const int InvalidInput = 2;

    /// <summary>Access or runtime failure: credentials, permissions, Athena, S3, or an item that could not run.</summary>
    public const int AccessOrRuntimeFailure = 3;

    /// <summary>Cancelled by Ctrl+C or SIGTERM; running queries were stopped and no partial output was left.</summary>
    public const int Cancelled = 130;
}
