namespace SoxAuto.EndToEnd.Tests;

/// <summary>
/// Local AWS of its own (faults injected here never reach other test classes), with a second workgroup that has
/// managed query results, so results can only be read through GetQueryResults.
/// </summary>
public sealed class FaultFixture : LocalAwsFixture
{
    public const string ManagedWorkgroup = "managed";

    public FaultFixture()
        : base("""{"WorkGroups":[{"Name":"primary"},{"Name":"managed","State":"ENABLED","Configuration":{"ManagedQueryResultsConfiguration":{"Enabled":true}}}]}""")
    {
    }

    public async Task SetFaultsAsync(object faults)
    {
        using HttpClient http = new();
        using StringContent body = new(System.Text.Json.JsonSerializer.Serialize(faults), System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync(new Uri(Aws.Athena.AdminUrl, "faults"), body);
        response.EnsureSuccessStatusCode();
    }

    public async Task ResetAsync()
    {
        using HttpClient http = new();
        using HttpResponseMessage response = await http.PostAsync(new Uri(Aws.Athena.AdminUrl, "reset"), null);
        response.EnsureSuccessStatusCode();
    }

    public async Task<System.Text.Json.JsonDocument> StateAsync()
    {
        using HttpClient http = new();
        return System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(Aws.Athena.AdminUrl, "state")));
    }
}
