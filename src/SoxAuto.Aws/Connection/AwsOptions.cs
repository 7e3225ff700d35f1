namespace SoxAuto.Aws.Connection;

/// <summary>What the user said about how to reach AWS, from flags; null means "not given" (resolved further down the chain).</summary>
public sealed record AwsOptions(string? Profile = null, string? Region = null, Uri? EndpointUrl = null)
{
    public static AwsOptions None { get; } = new();
}
