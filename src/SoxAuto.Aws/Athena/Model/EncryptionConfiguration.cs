namespace SoxAuto.Aws.Athena.Model;

/// <summary>How query results are encrypted in S3: SSE_S3, SSE_KMS or CSE_KMS (the last cannot be read raw).</summary>
public sealed record EncryptionConfiguration
{
    public string? EncryptionOption { get; init; }

    public string? KmsKey { get; init; }
}
