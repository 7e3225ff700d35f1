namespace SoxAuto.Aws.Athena.Model;

/// <summary>Where results go. In a GetQueryExecution response OutputLocation is the full URI of the result file.</summary>
public sealed record ResultConfiguration
{
    public string? OutputLocation { get; init; }

    public EncryptionConfiguration? EncryptionConfiguration { get; init; }

    public string? ExpectedBucketOwner { get; init; }
}
