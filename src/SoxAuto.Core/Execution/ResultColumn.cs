namespace SoxAuto.Core.Execution;

/// <summary>A column as the engine returned it: its name and its type in catalog spelling (e.g. <c>decimal(38,2)</c>).</summary>
public sealed record ResultColumn(string Name, string Type);
