'use strict';
// Result rendering: how each DuckDB type is shown in Athena's notation, both as
// ColumnInfo (type names, Precision/Scale) and as the text of a value.
//
// Values are never rendered row by row in JavaScript: for every output column we
// build a DuckDB SQL expression that yields Athena's text, and DuckDB renders the
// whole result in parallel (see engine.js). The helpers used here are SQL macros
// defined in macros.js (athena_fmt_double, athena_fmt_ts, ...).

const { DuckDBTypeId } = require('@duckdb/node-api');
const { quoteString } = require('./sql-tokenizer');

// ---------------------------------------------------------------------------------
// Type descriptors: {id, width?, scale?, child?, key?, value?, fields?: [{name, type}]}
// built from either node-api type JSON ({typeId: 19, width, scale}) or plan JSON
// ({id: "DECIMAL", type_info: {...}}).

const PLAN_ID_ALIASES = {
  'TIMESTAMP WITH TIME ZONE': 'TIMESTAMP_TZ',
  'TIME WITH TIME ZONE': 'TIME_TZ',
  NULL: 'SQLNULL',
};

/** Descriptor from node-api DuckDBType#toJson(). */
function fromApiType(j) {
  const id = DuckDBTypeId[j.typeId] || 'INVALID';
  switch (id) {
    case 'DECIMAL':
      return { id, width: j.width, scale: j.scale };
    case 'LIST':
    case 'ARRAY':
      return { id: 'LIST', child: fromApiType(j.valueType) };
    case 'MAP':
      return { id, key: fromApiType(j.keyType), value: fromApiType(j.valueType) };
    case 'STRUCT':
      return { id, fields: j.entryNames.map((name, i) => ({ name, type: fromApiType(j.entryTypes[i]) })) };
    default:
      return { id };
  }
}

/** Descriptor from a type of json_serialize_plan output. */
function fromPlanType(j) {
  const id = PLAN_ID_ALIASES[j.id] || j.id;
  const info = j.type_info || {};
  switch (id) {
    case 'DECIMAL':
      return { id, width: info.width, scale: info.scale };
    case 'LIST':
    case 'ARRAY':
      return { id: 'LIST', child: fromPlanType(info.child_type) };
    case 'MAP': {
      const kv = info.child_type.type_info.child_types;
      return { id, key: fromPlanType(kv[0].second), value: fromPlanType(kv[1].second) };
    }
    case 'STRUCT':
      return { id, fields: info.child_types.map((c) => ({ name: c.first, type: fromPlanType(c.second) })) };
    default:
      return { id };
  }
}

const INTEGER_IDS = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT']);
const TIMESTAMP_IDS = new Set(['TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS']);
// Precision of integer types when Trino coerces them to decimal(p, 0).
// HUGEINT only appears as DuckDB's sum of integers, which is bigint in Trino.
const INTEGER_DECIMAL_PRECISION = { TINYINT: 3, SMALLINT: 5, INTEGER: 10, BIGINT: 19, UTINYINT: 3, USMALLINT: 5, UINTEGER: 10, UBIGINT: 20, HUGEINT: 19, UHUGEINT: 38 };

const isInteger = (t) => INTEGER_IDS.has(t.id);
const isDecimal = (t) => t.id === 'DECIMAL';
const isFloating = (t) => t.id === 'DOUBLE' || t.id === 'FLOAT';

/** (precision, scale) of a decimal or integer operand, as Trino sees it. */
function decimalShape(t) {
  if (isDecimal(t)) return { p: t.width, s: t.scale };
  return { p: INTEGER_DECIMAL_PRECISION[t.id], s: 0 };
}

// ---------------------------------------------------------------------------------
// ColumnInfo (Athena type names and fixed precisions, reference §1.5)

function athenaColumnType(t) {
  switch (t.id) {
    case 'BOOLEAN': return { type: 'boolean', precision: 0 };
    case 'TINYINT': return { type: 'tinyint', precision: 3 };
    case 'SMALLINT':
    case 'UTINYINT': return { type: 'smallint', precision: 5 };
    case 'INTEGER':
    case 'USMALLINT': return { type: 'integer', precision: 10 };
    case 'BIGINT':
    case 'UINTEGER':
    case 'HUGEINT': return { type: 'bigint', precision: 19 }; // HUGEINT is cast back to bigint (sum of integers)
    case 'UBIGINT': return { type: 'decimal', precision: 20, scale: 0 };
    case 'UHUGEINT': return { type: 'decimal', precision: 38, scale: 0 };
    case 'FLOAT': return { type: 'float', precision: 17 };
    case 'DOUBLE': return { type: 'double', precision: 17 };
    case 'DECIMAL': return { type: 'decimal', precision: t.width, scale: t.scale };
    case 'VARCHAR': return { type: 'varchar', precision: 2147483647, caseSensitive: true };
    case 'BLOB': return { type: 'varbinary', precision: 1073741824 };
    case 'DATE': return { type: 'date', precision: 0 };
    case 'TIME': return { type: 'time', precision: 3 };
    case 'TIME_TZ': return { type: 'time with time zone', precision: 3 };
    case 'TIMESTAMP_TZ': return { type: 'timestamp with time zone', precision: 3 };
    case 'INTERVAL': return { type: 'interval day to second', precision: 0 };
    case 'LIST': return { type: 'array', precision: 0 };
    case 'MAP': return { type: 'map', precision: 0 };
    case 'STRUCT': return { type: 'row', precision: 0 };
    case 'UUID': return { type: 'uuid', precision: 0 };
    case 'SQLNULL': return { type: 'unknown', precision: 0 };
    default:
      if (TIMESTAMP_IDS.has(t.id)) return { type: 'timestamp', precision: 3 };
      return { type: 'varchar', precision: 2147483647, caseSensitive: true }; // ENUM, JSON, BIT, ...
  }
}

/** One ResultSetMetadata.ColumnInfo entry. */
function columnInfo(name, t) {
  const a = athenaColumnType(t);
  return {
    CatalogName: 'hive',
    SchemaName: '',
    TableName: '',
    Name: name,
    Label: name,
    Type: a.type,
    Precision: a.precision,
    Scale: a.scale || 0,
    Nullable: 'UNKNOWN',
    CaseSensitive: !!a.caseSensitive,
  };
}

/** Hive spelling of a column type, as ListTableMetadata/DESCRIBE show it. */
function hiveType(t) {
  switch (t.id) {
    case 'VARCHAR': return 'string';
    case 'INTEGER': return 'int';
    case 'FLOAT': return 'float';
    case 'BLOB': return 'binary';
    case 'DECIMAL': return `decimal(${t.width},${t.scale})`;
    case 'LIST': return `array<${hiveType(t.child)}>`;
    case 'MAP': return `map<${hiveType(t.key)},${hiveType(t.value)}>`;
    case 'STRUCT': return `struct<${t.fields.map((f) => `${f.name}:${hiveType(f.type)}`).join(',')}>`;
    case 'TIMESTAMP_TZ': return 'timestamp';
    default:
      if (TIMESTAMP_IDS.has(t.id)) return 'timestamp';
      return t.id.toLowerCase();
  }
}

// ---------------------------------------------------------------------------------
// Value rendering as SQL

let lambdaCounter = 0;

/**
 * SQL expression that renders `expr` (of type t) as Athena's text, NULL for NULL.
 * Never contains `CAST(... AS VARCHAR)` (the spelling sql-types.js looks for) so that
 * rendered text is not fixed up twice.
 */
function renderSql(expr, t) {
  switch (t.id) {
    case 'VARCHAR':
      return expr;
    case 'DOUBLE':
      return `athena_fmt_double(${expr})`;
    case 'FLOAT':
      return `athena_fmt_real(${expr})`;
    case 'DECIMAL':
      // DuckDB prints decimal(2,2) -0.50 as '-.50'; Trino prints '-0.50'
      if (t.width === t.scale) {
        return t.width < 38 ? `((${expr})::DECIMAL(${t.width + 1},${t.scale}))::VARCHAR` : `regexp_replace((${expr})::VARCHAR, '^(-?)\\.', '\\10.')`;
      }
      return `(${expr})::VARCHAR`;
    case 'HUGEINT':
      return `((${expr})::BIGINT)::VARCHAR`; // Trino: sum(bigint) is bigint (overflow is an error)
    case 'TIME':
      return `athena_fmt_time(${expr})`;
    case 'TIMESTAMP_TZ':
      return `athena_fmt_tstz(${expr})`;
    case 'BLOB':
      return `athena_fmt_varbinary(${expr})`;
    case 'LIST': {
      const e = `__e${lambdaCounter++}`;
      return `('[' || array_to_string(list_transform(${expr}, lambda ${e}: coalesce(${renderSql(e, t.child)}, 'null')), ', ') || ']')`;
    }
    case 'MAP': {
      const e = `__e${lambdaCounter++}`;
      return `('{' || array_to_string(list_transform(map_entries(${expr}), lambda ${e}: coalesce(${renderSql(`${e}.key`, t.key)}, 'null') || '=' || coalesce(${renderSql(`${e}.value`, t.value)}, 'null')), ', ') || '}')`;
    }
    case 'STRUCT': {
      const unnamed = t.fields.every((f) => f.name === '');
      const parts = t.fields.map((f, i) => {
        const access = unnamed ? `struct_extract_at(${expr}, ${i + 1})` : `struct_extract(${expr}, ${quoteString(f.name)})`;
        const value = `coalesce(${renderSql(access, f.type)}, 'null')`;
        return unnamed ? value : `${quoteString(`${f.name}=`)} || ${value}`;
      });
      return `CASE WHEN (${expr}) IS NULL THEN NULL ELSE '{' || ${parts.length ? parts.join(` || ', ' || `) : "''"} || '}' END`;
    }
    default:
      if (TIMESTAMP_IDS.has(t.id)) return `athena_fmt_ts(${expr})`;
      return `(${expr})::VARCHAR`; // integers, decimals (full scale), booleans, uuid, json, enum
  }
}

module.exports = {
  fromApiType,
  fromPlanType,
  isInteger,
  isDecimal,
  isFloating,
  decimalShape,
  athenaColumnType,
  columnInfo,
  hiveType,
  renderSql,
  TIMESTAMP_IDS,
};
