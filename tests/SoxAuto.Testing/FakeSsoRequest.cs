using System.Text.Json.Nodes;

namespace SoxAuto.Testing;

/// <summary>One request as <see cref="FakeSsoServer"/> saw it.</summary>
public sealed record FakeSsoRequest(string Method, string Path, JsonObject Body, string? BearerToken, string? GrantType);
