using SoxAuto.Core.Catalog;
using SoxAuto.Core.Runs;

namespace SoxAuto.Core.Execution;

/// <summary>What one <c>soxauto extract</c> run does: these items, for these run values, with these settings, this many at once.</summary>
public sealed record ExtractionPlan(IReadOnlyList<CatalogItem> Items, RunValues Values, RunSettings Settings, int Concurrency);
