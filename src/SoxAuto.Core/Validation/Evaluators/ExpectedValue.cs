using SoxAuto.Core.Data;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>A value a witness record expects in a column: encoded as the column's type, and as written (null = NULL).</summary>
internal sealed record ExpectedValue(int Column, string Name, AthenaType Type, byte[] Encoded, string? Text);
