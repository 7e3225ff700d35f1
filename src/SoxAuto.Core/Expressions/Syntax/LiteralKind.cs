namespace SoxAuto.Core.Expressions.Syntax;

internal enum LiteralKind
{
    Text,
    Number,
    Date,
    Timestamp,
    Boolean,
    Null,
}
