namespace SoxAuto.Core.Runs;

/// <summary>
/// The one rule for what an Athena output location must look like, shared by <c>--output-location</c>,
/// <c>SOXAUTO_OUTPUT_LOCATION</c> and <c>output_location</c> in settings.yaml, so the three sources accept the same
/// values and a bad one is refused before a query is started rather than failing every item.
/// </summary>
public static class S3OutputLocation
{
    public const string Example = "s3://my-athena-results/soxauto/";

    private const string Scheme = "s3://";

    /// <summary><c>s3://</c> followed by a bucket name; the prefix after it is optional.</summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith(Scheme, StringComparison.Ordinal) && value.Length > Scheme.Length && value[Scheme.Length] != '/';
    }
}
