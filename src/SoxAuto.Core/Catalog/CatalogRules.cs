namespace SoxAuto.Core.Catalog;

/// <summary>The identifiers of every catalog rule, so that findings can be searched for and documented in one place.</summary>
public static class CatalogRules
{
    public const string YamlSyntax = "yaml-syntax";
    public const string UnknownField = "unknown-field";
    public const string MissingField = "missing-field";
    public const string FieldType = "field-type";
    public const string DuplicateId = "duplicate-id";
    public const string IdMatchesFileName = "id-file-name";
    public const string InvalidId = "invalid-id";
    public const string NoItems = "no-items";
    public const string ParameterUndeclared = "parameter-undeclared";
    public const string ParameterUnused = "parameter-unused";
    public const string ParameterDefinition = "parameter-definition";
    public const string ParameterValue = "parameter-value";
    public const string QuerySyntax = "query-syntax";
    public const string QueryNotReadOnly = "query-read-only";
    public const string QueryMultipleStatements = "query-single-statement";
    public const string QueryNonDeterministic = "query-deterministic";
    public const string QueryPositionalParameter = "query-positional-parameter";
    public const string QueryDatabase = "query-database";
    public const string QueryOrder = "query-order-by";
    public const string ColumnDuplicate = "column-duplicate";
    public const string ColumnType = "column-type";
    public const string ColumnKey = "column-key";
    public const string CheckDefinition = "check-definition";
    public const string CheckDuplicateId = "check-duplicate-id";
    public const string CheckUnknownColumn = "check-unknown-column";
    public const string CheckUnknownParameter = "check-unknown-parameter";
    public const string CheckExpression = "check-expression";
    public const string CheckCoverage = "check-coverage";
    public const string Settings = "settings";
}
