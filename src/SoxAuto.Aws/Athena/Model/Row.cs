namespace SoxAuto.Aws.Athena.Model;

/// <summary>One result row.</summary>
public sealed record Row
{
    public IReadOnlyList<Datum> Data { get; init; } = [];
}
