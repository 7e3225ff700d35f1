using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions.Evaluation;
using SoxAuto.Core.Expressions.Syntax;

namespace SoxAuto.Core.Expressions;

/// <summary>Name resolution and literals: every value of an expression becomes a <see cref="BoundValue"/>.</summary>
internal sealed partial class ExpressionCompiler
{
    private BoundValue? Value(ExpressionNode node)
    {
        switch (node)
        {
            case ColumnNode column:
                int index = _scope.FindColumn(column.Name);
                if (index < 0)
                {
                    Error(ExpressionErrorKind.UnknownColumn, column.Offset, $"unknown column '{column.Name}'",
                        $"columns of the item: {string.Join(", ", _scope.Columns.Select(c => c.Name))}");
                    return null;
                }

                return ColumnValue(index, column.Offset);
            case ParameterNode parameter:
                return Parameter(parameter);
            case LiteralNode literal:
                return Literal(literal);
            default:
                Error(ExpressionErrorKind.TypeMismatch, node.Offset, "a condition stands where a value is expected",
                    "compare columns, parameters and literals; combine conditions with and, or, not");
                return null;
        }
    }

    private BoundValue ColumnValue(int index, int offset)
    {
        _columnsRead.Add(index);
        ColumnSchema column = _scope.Columns[index];
        ValueKind kind = column.Type.Kind switch
        {
            ColumnKind.Integer or ColumnKind.Decimal => ValueKind.Number,
            ColumnKind.Double => ValueKind.Double,
            ColumnKind.String => ValueKind.Text,
            ColumnKind.Boolean => ValueKind.Boolean,
            ColumnKind.Date => ValueKind.Date,
            ColumnKind.Timestamp => ValueKind.Timestamp,
            _ => ValueKind.Other,
        };
        return new BoundValue(kind, offset, $"column {column.Name} ({column.Type})", IsLiteral: false) { ColumnIndex = index, ColumnType = column.Type };
    }

    private BoundValue? Parameter(ParameterNode node)
    {
        if (!_scope.TryGetParameter(node.Name, out ParameterType type, out ParameterValue? value))
        {
            string declared = string.Join(", ", _scope.ParameterNames.Order(StringComparer.Ordinal).Select(n => ":" + n));
            Error(ExpressionErrorKind.UnknownParameter, node.Offset, $":{node.Name} is not a parameter of the item",
                declared.Length == 0 ? "declare it under parameters:" : $"declare it under parameters:, or use one of {declared}");
            return null;
        }

        string describe = $":{node.Name} ({ParameterTypes.Name(type)})";
        return (type, value) switch
        {
            (ParameterType.Date, DateParameterValue date) => Constant(ValueKind.Date, node, describe, ConstantOperand.OfDate(date.Value)),
            (ParameterType.Date, _) => Constant(ValueKind.Date, node, describe, ConstantOperand.OfDate(default)),
            (ParameterType.Timestamp, TimestampParameterValue ts) =>
                Constant(ValueKind.Timestamp, node, describe, ConstantOperand.OfTimestamp(Temporal.FromDateTime(ts.Value))),
            (ParameterType.Timestamp, _) => Constant(ValueKind.Timestamp, node, describe, ConstantOperand.OfTimestamp(default)),
            (ParameterType.Bigint, BigintParameterValue number) =>
                Constant(ValueKind.Number, node, describe, ConstantOperand.OfNumber(new ScaledDecimal(number.Value, 0))),
            (ParameterType.Decimal, DecimalParameterValue number) => Constant(ValueKind.Number, node, describe, ConstantOperand.OfNumber(number.Value)),
            (ParameterType.Bigint or ParameterType.Decimal, _) => Constant(ValueKind.Number, node, describe, ConstantOperand.OfNumber(default)),
            (ParameterType.Boolean, BooleanParameterValue flag) => Constant(ValueKind.Boolean, node, describe, ConstantOperand.OfBoolean(flag.Value)),
            (ParameterType.Boolean, _) => Constant(ValueKind.Boolean, node, describe, ConstantOperand.OfBoolean(false)),
            (ParameterType.Varchar, var text) =>
                new BoundValue(ValueKind.Text, node.Offset, describe, IsLiteral: false) { ConstantText = (text as VarcharParameterValue)?.Value ?? string.Empty },
            _ => new BoundValue(ValueKind.TextList, node.Offset, describe, IsLiteral: false)
            {
                ListItems = (value as VarcharArrayParameterValue)?.Values ?? [string.Empty],
            },
        };
    }

    private BoundValue? Literal(LiteralNode node)
    {
        switch (node.Kind)
        {
            case LiteralKind.Text:
                return new BoundValue(ValueKind.Text, node.Offset, $"the text '{node.Text}'", IsLiteral: true) { ConstantText = node.Text };
            case LiteralKind.Number:
                ScaledDecimal number = ScaledDecimal.Parse(node.Text);
                return Constant(ValueKind.Number, node, $"the number {node.Text}", ConstantOperand.OfNumber(number), literal: true);
            case LiteralKind.Boolean:
                return Constant(ValueKind.Boolean, node, node.Text, ConstantOperand.OfBoolean(node.Text == "true"), literal: true);
            case LiteralKind.Null:
                return new BoundValue(ValueKind.Null, node.Offset, "null", IsLiteral: true);
            case LiteralKind.Date:
                if (!TemporalParser.TryParse(node.Text, out Temporal date, out bool dateHasTime) || dateHasTime)
                {
                    Error(ExpressionErrorKind.Syntax, node.ValueOffset, $"'{node.Text}' is not a date", "write DATE 'YYYY-MM-DD', e.g. DATE '2025-09-30'");
                    return null;
                }

                return Constant(ValueKind.Date, node, $"DATE '{node.Text}'", ConstantOperand.OfDate(date.Date), literal: true);
            default:
                if (!TemporalParser.TryParse(node.Text, out Temporal timestamp, out _))
                {
                    Error(ExpressionErrorKind.Syntax, node.ValueOffset, $"'{node.Text}' is not a timestamp",
                        "write TIMESTAMP 'YYYY-MM-DD HH:MM:SS[.fff]', e.g. TIMESTAMP '2025-10-01 00:00:00'");
                    return null;
                }

                return Constant(ValueKind.Timestamp, node, $"TIMESTAMP '{node.Text}'", ConstantOperand.OfTimestamp(timestamp), literal: true);
        }
    }

    private static BoundValue Constant(ValueKind kind, ExpressionNode node, string describe, ConstantOperand operand, bool literal = false) =>
        new(kind, node.Offset, describe, literal) { Constant = operand };
}
