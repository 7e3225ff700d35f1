using System.CommandLine;

namespace SoxAuto.Cli.Commands;

/// <summary>Options several commands share, spelled and described once. Each command gets its own instances.</summary>
internal static class CommonOptions
{
    public static Option<string> Catalog() => new("--catalog")
    {
        Description = "The catalog folder (settings.yaml and one <ID>.yaml per item).",
        HelpName = "DIR",
        DefaultValueFactory = _ => "catalog",
    };

    public static Option<string?> Profile() => new("--profile")
    {
        Description = "The AWS profile to use (else AWS_PROFILE, else the default chain).",
        HelpName = "NAME",
    };

    public static Option<string?> Region() => new("--region")
    {
        Description = "The AWS region (else AWS_REGION / AWS_DEFAULT_REGION, else settings.yaml, else the profile's).",
        HelpName = "REGION",
    };

    public static Option<Uri?> EndpointUrl() => new("--endpoint-url")
    {
        Description = "Send Athena, S3 and STS calls to this endpoint (e.g. a local emulator). Else AWS_ENDPOINT_URL_<SERVICE> / AWS_ENDPOINT_URL.",
        HelpName = "URL",
        CustomParser = OptionParsers.ParseEndpoint,
    };

    public static Option<string?> Workgroup() => new("--workgroup")
    {
        Description = "The Athena workgroup (else SOXAUTO_WORKGROUP, else settings.yaml, else primary).",
        HelpName = "NAME",
    };

    public static Option<string?> OutputLocation() => new("--output-location")
    {
        Description = "Where Athena writes results, s3://bucket/prefix/ (else SOXAUTO_OUTPUT_LOCATION, else settings.yaml). An enforcing workgroup wins.",
        HelpName = "S3_URI",
        CustomParser = OptionParsers.ParseS3Uri,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write the result as JSON to standard output.",
    };
}
