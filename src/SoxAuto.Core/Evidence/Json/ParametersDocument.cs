using SoxAuto.Core.Catalog;
using SoxAuto.Core.Sql;

namespace SoxAuto.Core.Evidence.Json;

/// <summary>
/// <c>02_query_parameters.json</c>: each named catalog parameter (name, type, value, where the value came from, and the
/// Athena literals it was bound as), then the <c>ExecutionParameters</c> array exactly as sent with the query.
/// </summary>
internal static class ParametersDocument
{
    public static byte[] Create(RenderedQuery query) => EvidenceJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("parameters");
        foreach (BoundParameter parameter in query.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", parameter.Name);
            json.WriteString("type", ParameterTypes.Name(parameter.Value.Type));
            if (parameter.Value is VarcharArrayParameterValue list)
            {
                json.StringArray("value", list.Values);
            }
            else
            {
                json.WriteString("value", parameter.Value.Display);
            }

            json.WriteString("origin", parameter.Origin);
            json.StringArray("sql_literals", parameter.Value.ToSqlLiterals());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.StringArray("execution_parameters", query.ExecutionParameters);
        json.WriteEndObject();
    });
}
