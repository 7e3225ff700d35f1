'use strict';
// ExecutionParameters: positional `?` substitution, the way Athena does it.
//
// Athena binds each value as SQL text, not as a typed value: `'O''Brien'`,
// `DATE '2025-09-30'`, `42`, `ARRAY['a','b']`. Measured behaviour of real Athena
// (reference §2, athena-local docs/parameters.md):
//   - a value that parses as an expression without column references is used as
//     that expression;
//   - a value that does not tokenize (e.g. `it's`) or that contains a bare
//     identifier (e.g. `Washington`, `t.x`) becomes a string literal;
//   - a wrong number of values fails the query with INVALID_PARAMETER_USAGE,
//     except that values given to a query without any `?` are ignored.
// Only `?` tokens are replaced: a `?` inside a string literal, a quoted
// identifier (`"Opco/Central_?"`) or a comment is left alone.

const { tokenize, TokenType, quoteString, SqlSyntaxError } = require('./sql-tokenizer');
const { QueryError } = require('./errors');
const { TextBuilder, identityMap } = require('./source-map');

// Words that may appear in a parameter value without turning it into a string:
// literal keywords, operators spelled as words and type names (after CAST ... AS).
const VALUE_KEYWORDS = new Set([
  'true', 'false', 'null', 'date', 'time', 'timestamp', 'decimal', 'interval', 'array', 'map', 'row',
  'cast', 'try_cast', 'as', 'and', 'or', 'not', 'is', 'in', 'between', 'like', 'escape', 'case', 'when',
  'then', 'else', 'end', 'year', 'month', 'day', 'hour', 'minute', 'second', 'to', 'with', 'zone', 'at',
  'varchar', 'char', 'integer', 'int', 'bigint', 'smallint', 'tinyint', 'double', 'real', 'boolean',
  'varbinary', 'json', 'uuid', 'precision', 'current_date', 'current_timestamp', 'current_time',
  'localtimestamp', 'localtime',
]);

/** Decide how Athena would bind one parameter value; returns SQL text. */
function parameterToSql(value) {
  let tokens;
  try {
    tokens = tokenize(value);
  } catch (e) {
    if (e instanceof SqlSyntaxError) return quoteString(value);
    throw e;
  }
  const sig = tokens.filter((t) => t.type !== TokenType.WS && t.type !== TokenType.COMMENT);
  if (sig.length === 0) return quoteString(value);
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i];
    if (t.type === TokenType.PARAM || t.type === TokenType.QIDENT) return quoteString(value);
    if (t.type === TokenType.IDENT && !VALUE_KEYWORDS.has(t.lower)) {
      const isCall = sig[i + 1] && sig[i + 1].text === '(';
      if (!isCall) return quoteString(value);
    }
  }
  // Parenthesised so that operator precedence around the `?` cannot change its meaning
  // (e.g. `x - ?` with the value `-5`).
  return `(${value})`;
}

/**
 * Replace each `?` of `sql` by the corresponding parameter.
 * @param {string} sql
 * @param {string[]|undefined} params
 * @returns {{sql: string, map: {toSource(pos: number): number}}} the substituted SQL and a
 *   map from its offsets back to offsets of `sql`
 */
function substituteParameters(sql, params) {
  const tokens = tokenize(sql);
  const markers = tokens.filter((t) => t.type === TokenType.PARAM);
  const given = params ? params.length : 0;
  if (markers.length === 0) return { sql, map: identityMap }; // Athena ignores values given to SQL without `?`
  if (markers.length !== given) {
    throw new QueryError(
      'INVALID_PARAMETER_USAGE',
      `Incorrect number of parameters: expected ${markers.length} but found ${given}`,
      { pos: markers[Math.min(given, markers.length - 1)].start },
    );
  }
  let k = 0;
  const out = new TextBuilder();
  for (const t of tokens) {
    if (t.type === TokenType.PARAM) out.add(parameterToSql(params[k++]), t.start, false);
    else out.add(t.text, t.start, true);
  }
  return { sql: out.toString(), map: out.toMap() };
}

module.exports = { substituteParameters, parameterToSql };
