namespace SoxAuto.Core.Expressions;

internal enum ExpressionErrorKind
{
    Syntax,
    UnknownColumn,
    UnknownParameter,
    TypeMismatch,
}
