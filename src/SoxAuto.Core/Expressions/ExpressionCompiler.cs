using SoxAuto.Core.Expressions.Evaluation;
using SoxAuto.Core.Expressions.Syntax;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// Type-checks a parsed expression against a scope and compiles it to a tree of predicates and operands that
/// evaluates without allocating. The same code runs for <c>validate-catalog</c> (declared types, no values) and for a
/// run (bound values), so the type rules cannot differ between the two. Every error is collected, each at its offset.
/// </summary>
internal sealed partial class ExpressionCompiler
{
    private readonly ExpressionScope _scope;
    private readonly List<ExpressionError> _errors = [];
    private readonly SortedSet<int> _columnsRead = [];

    private ExpressionCompiler(ExpressionScope scope) => _scope = scope;

    /// <summary>A condition (<c>accuracy.exclusion</c>): true, false or unknown for each row.</summary>
    public static ExpressionCompilation CompileCondition(string text, ExpressionScope scope)
    {
        ExpressionNode? node = ExpressionParser.Parse(text, out ExpressionError? syntax);
        if (node is null)
        {
            return new(null, [syntax!], []);
        }

        ExpressionCompiler compiler = new(scope);
        Predicate? predicate = compiler.Condition(node);
        return compiler._errors.Count > 0
            ? new(null, compiler._errors, [.. compiler._columnsRead])
            : new(predicate, [], [.. compiler._columnsRead]);
    }

    /// <summary>
    /// A <c>range</c> bound: a parameter or a literal (constant for the run), whose type must compare with the column's.
    /// </summary>
    public static CompiledBound CompileBound(string text, ExpressionScope scope, int columnIndex)
    {
        ExpressionNode? node = ExpressionParser.Parse(text, out ExpressionError? syntax);
        if (node is null)
        {
            return new(null, null, default, text, [syntax!]);
        }

        ExpressionCompiler compiler = new(scope);
        if (node is not (ParameterNode or LiteralNode))
        {
            compiler.Error(ExpressionErrorKind.Syntax, node.Offset, "a range bound is a single parameter or literal",
                "write e.g. :cutoff_date or DATE '2025-09-30'; put conditions in an accuracy.exclusion check");
            return new(null, null, default, text, compiler._errors);
        }

        BoundValue column = compiler.ColumnValue(columnIndex, node.Offset);
        BoundValue? bound = compiler.Value(node);
        CompareKind? kind = bound is null ? null : compiler.Comparable(column, bound, bound);
        if (bound is null || kind is null)
        {
            return new(null, null, default, text, compiler._errors);
        }

        bool trim = kind == CompareKind.Text && (column.IsCharColumn || bound.IsCharColumn);
        string display = bound.Constant?.Display ?? bound.ConstantText ?? text;
        return new(column.Operand(trim), bound.OperandAgainst(column, trim), kind.Value, display, []);
    }

    private Predicate? Condition(ExpressionNode node)
    {
        switch (node)
        {
            case LogicalNode logical:
                Predicate? left = Condition(logical.Left);
                Predicate? right = Condition(logical.Right);
                return left is null || right is null ? null
                    : logical.IsAnd ? new AndPredicate(left, right) : new OrPredicate(left, right);
            case NotNode not:
                return Condition(not.Operand) is { } operand ? new NotPredicate(operand) : null;
            case ComparisonNode comparison:
                return Compare(comparison.Left, comparison.Operator, comparison.Right);
            case BetweenNode between:
                return Between(between);
            case InNode @in:
                return In(@in);
            case IsNullNode isNull:
                return IsNull(isNull);
            default:
                BoundValue? value = Value(node);
                if (value is null)
                {
                    return null;
                }

                if (value.Kind != ValueKind.Boolean)
                {
                    Error(ExpressionErrorKind.TypeMismatch, node.Offset, $"{value.Describe} is not a condition",
                        "a condition is true or false: compare the value, e.g. amount > 0, or test it with is null");
                    return null;
                }

                return new BooleanPredicate(value.Operand(false));
        }
    }

    private ComparisonPredicate? Compare(ExpressionNode leftNode, ComparisonOperator op, ExpressionNode rightNode)
    {
        BoundValue? left = Value(leftNode);
        BoundValue? right = Value(rightNode);
        if (left is null || right is null || Comparable(left, right, right) is not { } kind)
        {
            return null;
        }

        bool trim = kind == CompareKind.Text && (left.IsCharColumn || right.IsCharColumn);
        return new ComparisonPredicate(left.OperandAgainst(right, trim), op, right.OperandAgainst(left, trim), kind);
    }

    private Predicate? Between(BetweenNode between)
    {
        ComparisonPredicate? low = Compare(between.Value, ComparisonOperator.GreaterOrEqual, between.Low);
        ComparisonPredicate? high = Compare(between.Value, ComparisonOperator.LessOrEqual, between.High);
        if (low is null || high is null)
        {
            return null;
        }

        AndPredicate within = new(low, high);
        return between.Negated ? new NotPredicate(within) : within;
    }

    private InPredicate? In(InNode @in)
    {
        BoundValue? value = Value(@in.Value);
        List<(BoundValue Item, CompareKind Kind)> items = [];
        foreach (ExpressionNode node in @in.Items)
        {
            BoundValue? item = Value(node);
            if (value is null || item is null)
            {
                continue;
            }

            if (item.Kind == ValueKind.TextList)
            {
                foreach (string element in item.ListItems)
                {
                    BoundValue text = new(ValueKind.Text, item.Offset, item.Describe, IsLiteral: false) { ConstantText = element };
                    if (Comparable(value, text, item) is { } listKind)
                    {
                        items.Add((text, listKind));
                    }
                }
            }
            else if (Comparable(value, item, item) is { } kind)
            {
                items.Add((item, kind));
            }
        }

        if (value is null || _errors.Count > 0)
        {
            return null;
        }

        // One comparison rule for the whole list: 1 in (rate, amount) would compare as a double with one element and
        // exactly with the other, which reads as one test but is two.
        if (items.Select(i => i.Kind).Distinct().Count() > 1)
        {
            Error(ExpressionErrorKind.TypeMismatch, @in.Value.Offset, $"the list compares {value.Describe} in different ways ({string.Join(", ", items.Select(i => i.Item.Describe))})",
                "make every element of the list the same kind (all exact numbers, all doubles, all dates/timestamps, all text)");
            return null;
        }

        CompareKind compareKind = items.Count > 0 ? items[0].Kind : CompareKind.Text;
        bool trim = compareKind == CompareKind.Text && (value.IsCharColumn || items.Any(i => i.Item.IsCharColumn));
        Operand[] operands = items.Select(i => i.Item.OperandAgainst(value, trim)).ToArray();
        // A constant tested against columns is rounded as a real only when every column of the list is real.
        BoundValue roundAs = items.Count > 0 && items.All(i => i.Item.IsSinglePrecisionColumn) ? items[0].Item : value;
        return new InPredicate(value.OperandAgainst(roundAs, trim), operands, compareKind, @in.Negated);
    }

    private IsNullPredicate? IsNull(IsNullNode isNull)
    {
        BoundValue? value = Value(isNull.Value);
        if (value is null)
        {
            return null;
        }

        if (value.ColumnIndex < 0)
        {
            Error(ExpressionErrorKind.TypeMismatch, isNull.Value.Offset, $"{value.Describe} is the same for every row, so is null tells nothing",
                "is null and is not null test a column, e.g. customer_id is null");
            return null;
        }

        return new IsNullPredicate(value.Operand(false), isNull.Negated);
    }

    // A value read twice (the two halves of between) would otherwise report its problem twice.
    private void Error(ExpressionErrorKind kind, int offset, string message, string hint)
    {
        ExpressionError error = new(kind, offset, message, hint);
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }
    }
}
