namespace SoxAuto.Aws.Athena.Model;

/// <summary>Athena's query result reuse.</summary>
public sealed record ResultReuseConfiguration
{
    public ResultReuseByAgeConfiguration? ResultReuseByAgeConfiguration { get; init; }
}
