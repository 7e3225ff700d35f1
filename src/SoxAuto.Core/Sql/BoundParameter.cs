using SoxAuto.Core.Catalog;

namespace SoxAuto.Core.Sql;

/// <summary>A named catalog parameter with the value bound for this run, and where its value came from.</summary>
public sealed record BoundParameter(string Name, ParameterValue Value, string Origin);
