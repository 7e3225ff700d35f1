namespace SoxAuto.Aws.Athena.Model;

/// <summary>Reuse an identical earlier query's result if it is at most MaxAgeInMinutes old.</summary>
public sealed record ResultReuseByAgeConfiguration
{
    public bool Enabled { get; init; }

    public int? MaxAgeInMinutes { get; init; }
}
