namespace SoxAuto.Testing;

/// <summary>
/// Local AWS for end-to-end tests: moto (S3, STS) and the Athena emulator over a lake folder, with the results
/// bucket created. <see cref="Environment"/> is what .local-aws/env holds for scripts/local-aws.sh.
/// </summary>
public sealed class LocalAws : IDisposable
{
    public const string Bucket = "soxauto-athena-results";
    public const string OutputLocation = "s3://" + Bucket + "/athena/";

    public LocalAws(string lake, string? workgroupsJson = null)
    {
        Lake = lake;
        Moto = new MotoServer();
        try
        {
            Moto.CreateBucketAsync(Bucket).GetAwaiter().GetResult();
            Athena = new AthenaEmulator(Moto.Endpoint, lake, OutputLocation, workgroupsJson);
        }
        catch
        {
            Moto.Dispose();
            throw;
        }
    }

    public string Lake { get; }

    public MotoServer Moto { get; }

    public AthenaEmulator Athena { get; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_ATHENA"] = Athena.Endpoint.ToString().TrimEnd('/'),
        ["AWS_ENDPOINT_URL_S3"] = Moto.Endpoint.ToString().TrimEnd('/'),
        ["AWS_ENDPOINT_URL_STS"] = Moto.Endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_REGION"] = MotoServer.Region,
        ["AWS_DEFAULT_REGION"] = MotoServer.Region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["SOXAUTO_WORKGROUP"] = "primary",
        ["SOXAUTO_OUTPUT_LOCATION"] = OutputLocation,
    };

    public void Dispose()
    {
        Athena.Dispose();
        Moto.Dispose();
    }
}
