namespace SoxAuto.Aws.Athena.Model;

/// <summary>One value; VarCharValue null means SQL NULL.</summary>
public sealed record Datum
{
    public string? VarCharValue { get; init; }
}
