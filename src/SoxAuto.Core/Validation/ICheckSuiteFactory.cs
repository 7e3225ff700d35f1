using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Validation;

/// <summary>Builds the check suite of an item for a run, from its declared checks and the values bound to its parameters.</summary>
public interface ICheckSuiteFactory
{
    ICheckSuite Create(CatalogItem item, ResultSchema schema, IReadOnlyDictionary<string, ParameterValue> parameters, DateOnly cutoff);
}
