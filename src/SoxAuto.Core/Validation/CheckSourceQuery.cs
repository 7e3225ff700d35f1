using SoxAuto.Core.Catalog;

namespace SoxAuto.Core.Validation;

/// <summary>An independent source query a check needs (row count, control total, witness), run concurrently with the extract.</summary>
public sealed record CheckSourceQuery(string CheckId, QueryText Query);
