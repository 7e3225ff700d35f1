namespace SoxAuto.Core.Sql;

/// <summary>Text the lexer could not tokenise, e.g. an unterminated string literal; <see cref="Offset"/> is where it starts.</summary>
public sealed record SqlLexError(int Offset, string Message);
