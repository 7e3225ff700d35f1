'use strict';
// Turn DuckDB errors into Athena-style query failures: the Trino error name Athena
// puts in front of the reason (TABLE_NOT_FOUND, COLUMN_NOT_FOUND, ...), Trino-like
// wording with `line L:C` of the user's SQL, and DuckDB's own message kept at the end
// so that no detail is lost.

const { QueryError } = require('./errors');
const { lineCol } = require('./sql-tokenizer');

// Names of the emulator's macros, as the user knows them (for messages).
const MACRO_NAMES = {
  athena_date_add: 'date_add',
  athena_date_diff: 'date_diff',
  athena_date_trunc: 'date_trunc',
  athena_substr: 'substr',
  athena_regexp_extract: 'regexp_extract',
  athena_contains: 'contains',
};

function userFacing(text) {
  return text
    .replace(/\b(athena_[a-z_]+)/g, (m) => MACRO_NAMES[m] || m)
    .replace(/\n+LINE \d+:[\s\S]*$/, '') // DuckDB's caret excerpt refers to the rewritten SQL
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** `line L:C: ` prefix for an offset of the original SQL, or '' without one. */
function where(ctx, pos) {
  if (pos === undefined || pos === null || !ctx || typeof ctx.toOriginal !== 'function') return '';
  const p = ctx.toOriginal(pos);
  if (p === undefined || p === null || Number.isNaN(p)) return '';
  const { line, col } = lineCol(ctx.sql, p);
  return `line ${line}:${col}: `;
}

function qualifiedAt(ctx, pos, fallbackName) {
  // Read the (possibly qualified) table name the user wrote at the error position.
  if (ctx && pos !== undefined && typeof ctx.toOriginal === 'function') {
    const p = ctx.toOriginal(pos);
    const m = /^((?:"(?:[^"]|"")+"|[\p{L}\p{N}_]+)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[\p{L}\p{N}_]+)){0,2})/u.exec(ctx.sql.slice(p));
    if (m) {
      const parts = m[1].split(/\s*\.\s*/).map((s) => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s).toLowerCase());
      if (parts[parts.length - 1] === String(fallbackName).toLowerCase() || !fallbackName) {
        while (parts.length < 3) parts.unshift(parts.length === 2 ? 'awsdatacatalog' : ctx.database || 'default');
        return parts.join('.');
      }
    }
  }
  return `awsdatacatalog.${(ctx && ctx.database) || 'default'}.${String(fallbackName).toLowerCase()}`;
}

/**
 * Error object of json_serialize_plan ({error_type, error_message, position, ...}).
 * ctx: {sql: original SQL, toOriginal(bytePos) -> offset in sql, database}
 */
function fromPlanError(err, ctx) {
  const pos = err.position !== undefined ? Number(err.position) : undefined;
  const at = where(ctx, pos);
  const duck = userFacing(err.error_message || 'unknown error');
  const detail = ` (DuckDB: ${duck})`;
  const type = err.error_type;
  let m;
  if (type === 'parser') {
    const near = /at or near "([^"]*)"/.exec(err.error_message || '');
    const token = near ? near[1] : /end of input/.test(err.error_message || '') ? '<EOF>' : '?';
    return new QueryError('SYNTAX_ERROR', `${at}mismatched input '${token}'${detail}`);
  }
  if (type === 'catalog') {
    if ((m = /Table with name "?([^"]+?)"? does not exist because schema "?([^"]+?)"? does not exist/.exec(err.error_message || ''))) {
      return new QueryError('SCHEMA_NOT_FOUND', `${at}Schema '${m[2].toLowerCase()}' does not exist${detail}`);
    }
    if (err.type === 'Table' || err.type === 'View') {
      return new QueryError('TABLE_NOT_FOUND', `${at}Table '${qualifiedAt(ctx, pos, err.name)}' does not exist${detail}`);
    }
    if (err.type === 'Schema') return new QueryError('SCHEMA_NOT_FOUND', `${at}Schema '${String(err.name).toLowerCase()}' does not exist${detail}`);
    if (/Function/.test(err.type || '') || err.type === 'Macro Function') {
      return new QueryError('FUNCTION_NOT_FOUND', `${at}Function '${MACRO_NAMES[err.name] || err.name}' not registered${detail}`);
    }
    return new QueryError(null, `${at}${duck}`);
  }
  if (type === 'binder') {
    const msg = err.error_message || '';
    if (err.error_subtype === 'COLUMN_NOT_FOUND' || /Referenced column "([^"]+)" not found/.test(msg)) {
      const name = err.name || (/Referenced column "([^"]+)"/.exec(msg) || [])[1];
      return new QueryError('COLUMN_NOT_FOUND', `${at}Column '${name}' cannot be resolved${detail}`);
    }
    if ((m = /Table "([^"]+)" does not have a column named "([^"]+)"/.exec(msg))) {
      return new QueryError('COLUMN_NOT_FOUND', `${at}Column '${m[1]}.${m[2]}' cannot be resolved${detail}`);
    }
    if (/Ambiguous reference to column name "([^"]+)"/.test(msg)) {
      return new QueryError('AMBIGUOUS_NAME', `${at}Column '${/"([^"]+)"/.exec(msg)[1]}' is ambiguous${detail}`);
    }
    if ((m = /column "([^"]+)" must appear in the GROUP BY clause/.exec(msg))) {
      return new QueryError('EXPRESSION_NOT_AGGREGATE', `${at}'${m[1]}' must be an aggregate expression or appear in GROUP BY clause${detail}`);
    }
    if ((m = /No function matches the given name and argument types '([a-z_0-9]+)\(([^']*)\)'/i.exec(msg))
        || (m = /Macro ([a-z_0-9]+)\(\) does not support the supplied arguments/i.exec(msg))) {
      const fn = MACRO_NAMES[m[1]] || m[1];
      return new QueryError('FUNCTION_NOT_FOUND', `${at}Unexpected parameters${m[2] !== undefined ? ` (${m[2].toLowerCase()})` : ''} for function ${fn}${detail}`);
    }
    if (/Cannot (compare|mix)|Could not choose a best candidate|explicit cast|Cannot cast/i.test(msg)) {
      return new QueryError('TYPE_MISMATCH', `${at}${duck}`);
    }
    return new QueryError('SEMANTIC_ERROR', `${at}${duck}`);
  }
  // other error types (json_serialize_plan spells them in lower case: 'permission', 'invalid_input', ...)
  const prefix = type ? `${type.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\bOf\b/, 'of')} Error: ` : '';
  return fromMessage(`${prefix}${err.error_message || ''}`, ctx, pos);
}

/** A DuckDB exception thrown while running a query (no position in most cases). */
function fromMessage(message, ctx, pos) {
  const msg = String(message || 'unknown error');
  const at = where(ctx, pos);
  const body = userFacing(msg.replace(/^[A-Za-z ]+ Error: /, ''));
  let m;
  // errors raised by the emulator's own macros carry the Trino name already
  if ((m = /^(?:[A-Za-z ]+ Error: )?([A-Z_]{5,}): ([\s\S]*)$/.exec(msg))) {
    return new QueryError(m[1], `${at}${userFacing(m[2])}`);
  }
  if (/^Conversion Error/.test(msg)) {
    if ((m = /Could not convert string '([^']*)' to ([A-Z0-9_]+)/.exec(msg))) {
      return new QueryError('INVALID_CAST_ARGUMENT', `${at}Cannot cast '${m[1]}' to ${m[2].replace(/INT32/, 'INT').toLowerCase()} (DuckDB: ${body})`);
    }
    return new QueryError('INVALID_CAST_ARGUMENT', `${at}${body}`);
  }
  if (/^Out of Range Error/.test(msg)) return new QueryError('NUMERIC_VALUE_OUT_OF_RANGE', `${at}${body}`);
  if (/^Invalid Input Error: Could not parse string/.test(msg)) return new QueryError('INVALID_FUNCTION_ARGUMENT', `${at}${body}`);
  if (/^Permission Error/.test(msg)) {
    return new QueryError('PERMISSION_DENIED', `${at}Access Denied: the local Athena emulator only reads the tables of its lake (DuckDB: ${body})`);
  }
  if (/^Parser Error/.test(msg)) return new QueryError('SYNTAX_ERROR', `${at}${body}`);
  if (/^Catalog Error/.test(msg)) return fromPlanError({ error_type: 'catalog', error_message: msg.replace(/^Catalog Error: /, '') }, ctx);
  if (/^Binder Error/.test(msg)) return fromPlanError({ error_type: 'binder', error_message: msg.replace(/^Binder Error: /, '') }, ctx);
  if (/^(IO|Out of Memory|Internal|FATAL) Error/i.test(msg)) {
    return new QueryError('GENERIC_INTERNAL_ERROR', body, { category: 1, errorType: 100, retryable: true });
  }
  return new QueryError('GENERIC_USER_ERROR', `${at}${body}`);
}

module.exports = { fromPlanError, fromMessage, userFacing };
