using SoxAuto.Core.Catalog;
using SoxAuto.Core.Sql;

namespace SoxAuto.Core.Runs;

/// <summary>
/// Gives every declared parameter of an item its value for the run — from a run value (<c>from:</c>) or the catalog's
/// literal (<c>value:</c>) — converted to the declared type, and records where the value came from for the evidence.
/// </summary>
public static class ParameterBinder
{
    public static IReadOnlyDictionary<string, BoundParameter> Bind(CatalogItem item, RunValues values)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(values);
        Dictionary<string, BoundParameter> bound = new(StringComparer.Ordinal);
        foreach (ParameterDefinition parameter in item.Parameters)
        {
            if (parameter.Value is { } literal)
            {
                bound[parameter.Name] = new BoundParameter(parameter.Name, literal, "catalog value");
                continue;
            }

            string from = parameter.From!;
            if (!values.TryGet(from, out ParameterValue runValue))
            {
                throw new QueryRenderException($"parameter '{parameter.Name}' takes its value from '{from}', which this run does not provide");
            }

            ParameterValue converted = RunValues.Convert(runValue, parameter.Type)
                ?? throw new QueryRenderException($"parameter '{parameter.Name}' is {ParameterTypes.Name(parameter.Type)} but '{from}' is {ParameterTypes.Name(runValue.Type)}");
            string origin = RunValues.DerivedNames.Contains(from) ? $"run value {from}" : $"settings value {from}";
            bound[parameter.Name] = new BoundParameter(parameter.Name, converted, origin);
        }

        return bound;
    }
}
