namespace SoxAuto.Core.Sql;

/// <summary>A problem found in SQL text: the rule, the 0-based offset it concerns, what is wrong and how to fix it.</summary>
public sealed record SqlFinding(string RuleId, int Offset, string Message, string Hint);
