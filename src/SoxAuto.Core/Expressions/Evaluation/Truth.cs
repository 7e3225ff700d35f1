namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>SQL's three truth values. A condition selects a row only when it is <see cref="True"/>.</summary>
internal enum Truth : byte
{
    False,
    True,
    Unknown,
}
