namespace SoxAuto.Core.Catalog.Checks;

/// <summary>
/// One record that must be in the extract: the key columns identify it, any other columns give expected values
/// (null = expected NULL). Open items change every period, so a witness may name the cutoff it belongs to.
/// </summary>
public sealed record WitnessRecord(DateOnly? Cutoff, IReadOnlyDictionary<string, string?> Values, SourceLocation Location);
