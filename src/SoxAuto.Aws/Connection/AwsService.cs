namespace SoxAuto.Aws.Connection;

/// <summary>
/// An AWS service SoxAuto calls: its SigV4 signing name, its endpoint host prefix, and the suffix of its
/// service-specific endpoint variable (<c>AWS_ENDPOINT_URL_&lt;suffix&gt;</c>, as the AWS SDKs define it).
/// </summary>
public sealed record AwsService(string SigningName, string HostPrefix, string EndpointVariableSuffix)
{
    public static AwsService Athena { get; } = new("athena", "athena", "ATHENA");

    public static AwsService S3 { get; } = new("s3", "s3", "S3");

    public static AwsService Sts { get; } = new("sts", "sts", "STS");

    public static AwsService Sso { get; } = new("awsssoportal", "portal.sso", "SSO");

    public static AwsService SsoOidc { get; } = new("sso-oauth", "oidc", "SSO_OIDC");

    public static IReadOnlyList<AwsService> All { get; } = [Athena, S3, Sts, Sso, SsoOidc];
}
