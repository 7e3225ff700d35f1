'use strict';
// The Trino (Athena engine v3) -> DuckDB compatibility layer, part 1: rewrites that do
// not depend on types. Every rewrite is listed, with its limits, in README.md
// ("Trino -> DuckDB compatibility layer"). Constructs that cannot be reproduced
// faithfully fail the query with NOT_SUPPORTED naming the construct: the emulator must
// never silently return results that differ from Athena's.
//
// Part 2 (sql-types.js) fixes the places where DuckDB's typing differs from Trino's
// (decimal division, avg/round of decimals, integer division by zero, CAST to varchar,
// date +/- interval), using the types DuckDB's binder reports.

const { TokenType, quoteString } = require('./sql-tokenizer');
const { TokenView } = require('./sql-expr');
const { TextBuilder } = require('./source-map');
const { QueryError, notSupported } = require('./errors');

// ---------------------------------------------------------------------------------
// Date/time format patterns

// Joda-Time patterns (format_datetime, parse_datetime) -> strftime/strptime.
const JODA = {
  yyyy: '%Y', yyy: '%Y', y: '%Y', YYYY: '%Y', yy: '%y', xxxx: '%G',
  MMMM: '%B', MMM: '%b', MM: '%m', M: '%-m',
  dd: '%d', d: '%-d', DDD: '%j', D: '%-j',
  HH: '%H', H: '%-H', hh: '%I', h: '%-I', mm: '%M', m: '%-M', ss: '%S', s: '%-S',
  SSS: '%g', SSSSSS: '%f', a: '%p', EEEE: '%A', EEE: '%a', EE: '%a', E: '%a', e: '%u', ww: '%V', w: '%-V',
  ZZ: '%z', Z: '%z', z: '%Z',
};

function translateJoda(pattern) {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      // quoted literal text; '' is a single quote
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const j = pattern.indexOf("'", i + 1);
      if (j < 0) throw new QueryError('INVALID_FUNCTION_ARGUMENT', `Invalid format: unterminated quote in '${pattern}'`);
      out += pattern.slice(i + 1, j).replace(/%/g, '%%');
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      const run = pattern.slice(i, j);
      const spec = JODA[run];
      if (!spec) throw notSupported(`Joda-Time pattern letters '${run}' (in '${pattern}') are not supported by the local Athena emulator`);
      out += spec;
      i = j;
    } else {
      out += c === '%' ? '%%' : c;
      i++;
    }
  }
  return out;
}

// MySQL patterns (date_format, date_parse) -> strftime/strptime.
const MYSQL = {
  a: '%a', b: '%b', c: '%-m', d: '%d', e: '%-d', f: '%f', H: '%H', h: '%I', I: '%I', i: '%M', j: '%j',
  k: '%-H', l: '%-I', M: '%B', m: '%m', p: '%p', r: '%I:%M:%S %p', S: '%S', s: '%S', T: '%H:%M:%S',
  v: '%V', W: '%A', x: '%G', Y: '%Y', y: '%y', '%': '%%',
};

function translateMysql(pattern) {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const d = pattern[++i];
    const spec = MYSQL[d];
    if (!spec) throw notSupported(`date format specifier '%${d ?? ''}' (in '${pattern}') is not supported by the local Athena emulator`);
    out += spec;
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Function rules. A rule receives (rw, k, open, close, out) with k the index of the
// function name, open/close its parentheses, and writes the DuckDB form to `out`.

const rename = (name) => (rw, k, open, close, out) => {
  out.add(name, rw.v.tok(k).start);
  rw.emit(open, close + 1, out);
};

const refuse = (why) => (rw, k) => {
  const t = rw.v.tok(k);
  throw notSupported(`Function '${t.lower}' is not supported by the local Athena emulator: ${why}`, t.start);
};

const APPROX = 'its results are approximate in Athena and cannot be reproduced exactly; use an exact aggregate (e.g. count(DISTINCT x))';

/** Require exactly/at least n arguments; returns the argument ranges. */
function argsOf(rw, k, open, min, max = min) {
  const args = rw.v.args(open);
  if (args.length < min || args.length > max) {
    const t = rw.v.tok(k);
    const want = min === max ? `${min}` : `${min} to ${max}`;
    throw new QueryError('FUNCTION_NOT_FOUND', `Unexpected parameters for function ${t.lower}: expected ${want} arguments, got ${args.length}`, { pos: t.start });
  }
  return args;
}

/** The single string literal argument at range r (format patterns must be literals). */
function literalArg(rw, k, r, what) {
  if (r[1] - r[0] !== 1 || rw.v.tok(r[0]).type !== TokenType.STRING) {
    const t = rw.v.tok(k);
    throw notSupported(`${t.lower}: the ${what} must be a string literal in the local Athena emulator`, t.start);
  }
  return rw.v.tok(r[0]).value;
}

function formatRule(target, translate) {
  return (rw, k, open, close, out) => {
    const [x, f] = argsOf(rw, k, open, 2);
    const pattern = translate(literalArg(rw, k, f, 'format pattern'));
    const src = rw.v.tok(k).start;
    out.add(`${target}(`, src);
    rw.emit(x[0], x[1], out);
    out.add(`, ${quoteString(pattern)})`, src);
  };
}

/** Emit `prefix arg1 sep arg2 ... suffix` from argument ranges. */
function joinArgs(rw, args, out, src, prefix, sep, suffix, wrap = (b) => b) {
  out.add(prefix, src);
  args.forEach((r, i) => {
    if (i) out.add(sep, src);
    out.append(wrap(rw.build(r[0], r[1]), src));
  });
  out.add(suffix, src);
}

const parenthesize = (b, src) => new TextBuilder().add('(', src).append(b).add(')', src);

const RULES = {
  // dates and times
  date_add: rename('athena_date_add'),
  date_diff: rename('athena_date_diff'),
  date_trunc: rename('athena_date_trunc'),
  last_day_of_month: rename('last_day'),
  day_of_week: rename('isodow'),
  dow: rename('isodow'),
  day_of_month: rename('day'),
  day_of_year: rename('dayofyear'),
  doy: rename('dayofyear'),
  year_of_week: rename('isoyear'),
  yow: rename('isoyear'),
  week_of_year: rename('week'),
  format_datetime: formatRule('strftime', translateJoda),
  parse_datetime: formatRule('strptime', translateJoda),
  date_format: formatRule('strftime', translateMysql),
  date_parse: formatRule('strptime', translateMysql),
  from_iso8601_timestamp: (rw, k, open, close, out) => castRule(rw, k, open, out, 'TIMESTAMPTZ'),
  from_iso8601_date: (rw, k, open, close, out) => castRule(rw, k, open, out, 'DATE'),
  date: (rw, k, open, close, out) => castRule(rw, k, open, out, 'DATE'),
  from_unixtime: (rw, k, open, close, out) => {
    argsOf(rw, k, open, 1);
    rename('to_timestamp')(rw, k, open, close, out);
  },
  to_unixtime: rename('epoch'),
  // strings
  substr: (rw, k, open, close, out) => substrRule(rw, k, open, out),
  substring: (rw, k, open, close, out) => substrRule(rw, k, open, out),
  strpos: (rw, k, open, close, out) => {
    argsOf(rw, k, open, 2);
    rename('strpos')(rw, k, open, close, out);
  },
  concat: (rw, k, open, close, out) => {
    // Trino's concat returns NULL when any argument is NULL; DuckDB's skips NULLs. `||` propagates NULL.
    const args = argsOf(rw, k, open, 1, Infinity);
    joinArgs(rw, args, out, rw.v.tok(k).start, '(', ' || ', ')', parenthesize);
  },
  replace: (rw, k, open, close, out) => {
    const args = argsOf(rw, k, open, 2, 3);
    const src = rw.v.tok(k).start;
    joinArgs(rw, args, out, src, 'replace(', ', ', args.length === 2 ? ", '')" : ')');
  },
  split: rename('string_split'),
  regexp_like: rename('regexp_matches'),
  regexp_replace: (rw, k, open, close, out) => {
    // Trino replaces every match and writes group references as $1; DuckDB needs 'g' and \1.
    const args = argsOf(rw, k, open, 2, 3);
    const src = rw.v.tok(k).start;
    let repl = "''";
    if (args.length === 3) {
      const r = literalArg(rw, k, args[2], 'replacement');
      if (/\$\{/.test(r)) throw notSupported('regexp_replace: named group references (${name}) are not supported by the local Athena emulator', src);
      repl = quoteString(r.replace(/\\/g, '\\\\').replace(/\$(\d)/g, '\\$1'));
    }
    joinArgs(rw, args.slice(0, 2), out, src, 'regexp_replace(', ', ', `, ${repl}, 'g')`);
  },
  regexp_extract: (rw, k, open, close, out) => {
    const args = argsOf(rw, k, open, 2, 3);
    joinArgs(rw, args, out, rw.v.tok(k).start, 'athena_regexp_extract(', ', ', args.length === 2 ? ', 0)' : ')');
  },
  json_extract_scalar: rename('json_extract_string'),
  // conditionals
  if: (rw, k, open, close, out) => {
    const args = argsOf(rw, k, open, 2, 3);
    const src = rw.v.tok(k).start;
    out.add('CASE WHEN ', src).append(rw.build(...args[0])).add(' THEN ', src).append(rw.build(...args[1]));
    if (args[2]) out.add(' ELSE ', src).append(rw.build(...args[2]));
    out.add(' END', src);
  },
  greatest: (rw, k, open, close, out) => nullPropagating(rw, k, open, out, 'greatest'),
  least: (rw, k, open, close, out) => nullPropagating(rw, k, open, out, 'least'),
  // arrays
  contains: rename('athena_contains'),
  cardinality: rename('len'),
  sequence: rename('athena_sequence'),
  array_join: (rw, k, open, close, out) => {
    argsOf(rw, k, open, 2);
    rename('array_to_string')(rw, k, open, close, out);
  },
  // aggregates
  count_if: (rw, k, open, close, out) => {
    // DuckDB's count_if returns HUGEINT; count() keeps Trino's bigint. FILTER/OVER after
    // the call still apply to the count.
    const [c] = argsOf(rw, k, open, 1);
    const src = rw.v.tok(k).start;
    out.add('count(CASE WHEN ', src).append(rw.build(...c)).add(' THEN 1 END)', src);
  },
  arbitrary: rename('any_value'),
  every: rename('bool_and'),
  mod: (rw, k, open, close, out) => {
    // spelled as the operator so that the type fix-ups (sql-types.js) see it
    const args = argsOf(rw, k, open, 2);
    joinArgs(rw, args, out, rw.v.tok(k).start, '(', ' % ', ')', parenthesize);
  },
  truncate: rename('trunc'),
  // casts
  cast: (rw, k, open, close, out) => castExprRule(rw, k, open, close, out, 'CAST'),
  try_cast: (rw, k, open, close, out) => castExprRule(rw, k, open, close, out, 'TRY_CAST'),
  // refused: approximate or engine-specific results
  approx_distinct: refuse(APPROX),
  approx_percentile: refuse(APPROX),
  approx_set: refuse(APPROX),
  approx_most_frequent: refuse(APPROX),
  numeric_histogram: refuse(APPROX),
  qdigest_agg: refuse(APPROX),
  tdigest_agg: refuse(APPROX),
  make_set_digest: refuse(APPROX),
  checksum: refuse('its value depends on Trino internals'),
};

function castRule(rw, k, open, out, type) {
  const [x] = argsOf(rw, k, open, 1);
  const src = rw.v.tok(k).start;
  out.add('CAST(', src).append(rw.build(...x)).add(` AS ${type})`, src);
}

function substrRule(rw, k, open, out) {
  const src = rw.v.tok(k).start;
  const args = rw.v.args(open);
  // substring(s FROM a [FOR b])
  if (args.length === 1) {
    const [a, b] = args[0];
    let from = -1;
    let forK = -1;
    for (let j = a; j < b; j++) {
      if (rw.v.match[j] !== undefined && rw.v.match[j] > j) {
        j = rw.v.match[j];
        continue;
      }
      if (rw.v.isWord(j, 'from') && from < 0) from = j;
      else if (rw.v.isWord(j, 'for') && forK < 0) forK = j;
    }
    if (from > a) {
      const parts = [[a, from], [from + 1, forK > 0 ? forK : b]];
      if (forK > 0) parts.push([forK + 1, b]);
      joinArgs(rw, parts, out, src, 'athena_substr(', ', ', ')');
      return;
    }
  }
  const ranges = argsOf(rw, k, open, 2, 3);
  joinArgs(rw, ranges, out, src, 'athena_substr(', ', ', ')');
}

function nullPropagating(rw, k, open, out, fn) {
  // Trino's greatest/least return NULL when an argument is NULL; DuckDB's ignore NULLs.
  const args = argsOf(rw, k, open, 1, Infinity);
  const src = rw.v.tok(k).start;
  out.add('CASE WHEN ', src);
  args.forEach((r, i) => {
    if (i) out.add(' OR ', src);
    out.add('(', src).append(rw.build(...r)).add(') IS NULL', src);
  });
  joinArgs(rw, args, out, src, ` THEN NULL ELSE ${fn}(`, ', ', ') END');
}

function castExprRule(rw, k, open, close, out, fn) {
  // CAST(expr AS type): the last depth-0 AS separates the expression from the type.
  let as = -1;
  for (let j = open + 1; j < close; j++) {
    if (rw.v.match[j] !== undefined && rw.v.match[j] > j) {
      j = rw.v.match[j];
      continue;
    }
    if (rw.v.isWord(j, 'as')) as = j;
  }
  const t = rw.v.tok(k);
  if (as < 0) throw new QueryError('SYNTAX_ERROR', `mismatched input ')'. Expecting: 'AS'`, { pos: rw.v.tok(close).start });
  const type = translateType(rw.v, as + 1, close);
  out.add(`${fn}(`, t.start).append(rw.build(open + 1, as)).add(` AS ${type})`, t.start);
}

// ---------------------------------------------------------------------------------
// Types (in CAST): Trino spelling -> DuckDB spelling

/** Translate the type at sig tokens [a, b) of view v. */
function translateType(v, a, b) {
  const { text, next } = parseType(v, a);
  if (next !== b) throw new QueryError('SYNTAX_ERROR', `unexpected '${v.tok(next).text}' in type`, { pos: v.tok(next).start });
  return text;
}

function parseType(v, k) {
  const t = v.tok(k);
  if (!t || (t.type !== TokenType.IDENT && t.type !== TokenType.QIDENT)) {
    throw new QueryError('SYNTAX_ERROR', `type expected`, { pos: t ? t.start : v.sql.length });
  }
  const name = t.type === TokenType.IDENT ? t.lower : t.value.toLowerCase();
  const paren = v.isOp(k + 1, '(') ? v.match[k + 1] : -1;
  const after = paren >= 0 ? paren + 1 : k + 1;
  const numbers = () => v.args(k + 1).map((r) => v.text(r[0], r[1]));
  const withTimeZone = (e) => v.isWord(e, 'with') && v.isWord(e + 1, 'time') && v.isWord(e + 2, 'zone');
  switch (name) {
    case 'array': {
      if (paren < 0) break;
      const inner = parseType(v, k + 2);
      return { text: `${inner.text}[]`, next: paren + 1 };
    }
    case 'map': {
      if (paren < 0) break;
      const key = parseType(v, k + 2);
      const val = parseType(v, key.next + 1);
      return { text: `MAP(${key.text}, ${val.text})`, next: paren + 1 };
    }
    case 'row': {
      if (paren < 0) break;
      const fields = v.args(k + 1).map(([fa, fb]) => {
        const f = v.tok(fa);
        const named = fb - fa >= 2 && (f.type === TokenType.QIDENT || (f.type === TokenType.IDENT && !v.isOp(fa + 1, '(')));
        if (!named) throw notSupported('row types without field names are not supported in CAST by the local Athena emulator', f.start);
        const ft = parseType(v, fa + 1);
        return `${f.type === TokenType.QIDENT ? f.text : `"${f.text}"`} ${ft.text}`;
      });
      return { text: `STRUCT(${fields.join(', ')})`, next: paren + 1 };
    }
    case 'decimal':
    case 'numeric': {
      // Trino's bare `decimal` is decimal(38,0); DuckDB's is decimal(18,3).
      const ps = paren >= 0 ? numbers() : ['38', '0'];
      if (ps.length === 1) ps.push('0');
      return { text: `DECIMAL(${ps.join(',')})`, next: after };
    }
    case 'varchar':
    case 'char':
    case 'string':
      return { text: 'VARCHAR', next: after };
    case 'timestamp':
      return withTimeZone(after) ? { text: 'TIMESTAMPTZ', next: after + 3 } : { text: 'TIMESTAMP', next: after };
    case 'time':
      return withTimeZone(after) ? { text: 'TIMETZ', next: after + 3 } : { text: 'TIME', next: after };
    case 'double':
      return { text: 'DOUBLE', next: v.isWord(after, 'precision') ? after + 1 : after };
    case 'real':
    case 'float':
      return { text: 'REAL', next: after };
    case 'varbinary':
      return { text: 'BLOB', next: after };
    case 'integer':
    case 'int':
      return { text: 'INTEGER', next: after };
    case 'bigint':
    case 'smallint':
    case 'tinyint':
    case 'boolean':
    case 'date':
    case 'json':
    case 'uuid':
      if (paren >= 0) break;
      return { text: name.toUpperCase(), next: after };
    case 'interval': {
      let e = k + 1;
      if (v.isWord(e) && v.isWord(e + 1, 'to') && v.isWord(e + 2)) e += 3;
      return { text: 'INTERVAL', next: e };
    }
    default:
  }
  throw notSupported(`Unknown or unsupported type: ${v.text(k, after)}`, t.start);
}

// ---------------------------------------------------------------------------------
// The rewriter

class Rewriter {
  /** @param {TokenView} view */
  constructor(view) {
    this.v = view;
  }

  /** Build the DuckDB text for significant tokens [a, b). */
  build(a, b) {
    const out = new TextBuilder();
    this.emit(a, b, out);
    return out;
  }

  emit(a, b, out) {
    let k = a;
    while (k < b) {
      if (k > a) out.add(this.v.tok(k).gap, this.v.tok(k).gapStart, true);
      k = this.emitAt(k, out);
    }
  }

  /** Emit the construct starting at k; returns the index after it. */
  emitAt(k, out) {
    const v = this.v;
    const t = v.tok(k);
    if (t.type === TokenType.IDENT) {
      const qualified = v.isOp(k - 1, '.');
      const next = v.tok(k + 1);
      if (!qualified && v.isOp(k + 1, '(') && Object.prototype.hasOwnProperty.call(RULES, t.lower)) {
        const close = v.match[k + 1];
        RULES[t.lower](this, k, k + 1, close, out);
        return close + 1;
      }
      if (next && next.type === TokenType.STRING && !v.isWord(k - 1, 'as')) {
        if (t.lower === 'decimal') {
          out.add(decimalLiteral(next.value, next.start), t.start);
          return k + 2;
        }
        if (t.lower === 'timestamp' && /(\d\s*(z|utc|[+-]\d{1,2}(:?\d\d)?)|[a-z]+\/[a-z_]+)\s*$/i.test(next.value)) {
          out.add(`CAST(${next.text} AS TIMESTAMPTZ)`, t.start);
          return k + 2;
        }
        if (t.lower === 'x') {
          out.add(`from_hex(${next.text})`, t.start); // varbinary literal X'0102'
          return k + 2;
        }
      }
      if (t.lower === 'u' && v.isOp(k + 1, '&')) throw notSupported("Unicode string literals (U&'...') are not supported by the local Athena emulator", t.start);
    }
    out.add(t.text, t.start, true);
    return k + 1;
  }
}

/** DECIMAL '12.34' -> CAST('12.34' AS DECIMAL(4,2)); precision/scale follow Trino's rules. */
function decimalLiteral(value, pos) {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(value);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    throw new QueryError('INVALID_LITERAL', `'${value}' is not a valid decimal literal`, { pos, errorType: 1100 });
  }
  const intDigits = m[2].replace(/^0+/, '');
  const scale = (m[3] || '').length;
  const precision = Math.max(1, intDigits.length + scale);
  if (precision > 38) throw new QueryError('INVALID_LITERAL', `Decimal literal '${value}' exceeds the maximum precision 38`, { pos, errorType: 1100 });
  return `CAST(${quoteString(value.trim())} AS DECIMAL(${precision},${scale}))`;
}

// ---------------------------------------------------------------------------------
// Statement classification

/**
 * Classify a statement and prepare it for execution.
 * @param {string} sql the statement (parameters already substituted)
 * @returns {object} {statementType, substatementType, kind, view, range, ...}
 *   kind: 'query' | 'explain' | 'show_tables' | 'show_databases' | 'show_columns' | 'describe'
 */
function analyzeStatement(sql) {
  const v = new TokenView(sql);
  let n = v.sig.length;
  while (n > 0 && v.isOp(n - 1, ';')) n--; // Athena drops a trailing semicolon
  for (let k = 0; k < n; k++) {
    if (v.isOp(k, ';')) throw new QueryError('SYNTAX_ERROR', "mismatched input ';'. Expecting: <EOF>", { pos: v.tok(k).start });
  }
  if (n === 0) throw new QueryError('SYNTAX_ERROR', "mismatched input '<EOF>'. Expecting: 'SELECT', 'WITH', 'VALUES', 'EXPLAIN', 'SHOW', 'DESCRIBE', <query>", { pos: 0 });
  const first = v.tok(0);
  const w = (k) => (v.isWord(k) ? v.tok(k).lower : '');
  const word = w(0);
  const base = { view: v, end: n };
  if (['select', 'with', 'values'].includes(word) || v.isOp(0, '(')) {
    return { ...base, statementType: 'DML', substatementType: 'SELECT', kind: 'query', start: 0 };
  }
  if (word === 'table') {
    return { ...base, statementType: 'DML', substatementType: 'SELECT', kind: 'query', start: 0, tableShorthand: true };
  }
  if (word === 'explain') {
    let k = 1;
    let analyze = false;
    let format = 'text';
    if (w(k) === 'analyze') {
      analyze = true;
      k++;
      if (w(k) === 'verbose') k++;
    }
    if (v.isOp(k, '(')) {
      for (const [a, b] of v.args(k)) {
        const opt = v.text(a, b).toLowerCase().replace(/\s+/g, ' ');
        if (opt === 'format json') format = 'json';
        else if (opt === 'format graphviz' || opt === 'type validate' || opt === 'type io') throw notSupported(`EXPLAIN option '${opt.toUpperCase()}' is not supported by the local Athena emulator`, v.tok(a).start);
        else if (!['format text', 'type logical', 'type distributed'].includes(opt)) throw new QueryError('SYNTAX_ERROR', `mismatched input '${v.text(a, b)}'`, { pos: v.tok(a).start });
      }
      k = v.match[k] + 1;
    }
    return { ...base, statementType: 'DML', substatementType: 'EXPLAIN', kind: 'explain', start: k, analyze, format };
  }
  if (word === 'show') {
    const what = w(1);
    if (what === 'tables') return { ...base, statementType: 'UTILITY', substatementType: 'SHOW_TABLES', kind: 'show_tables', ...showTarget(v, 2, n) };
    if (what === 'databases' || what === 'schemas') return { ...base, statementType: 'UTILITY', substatementType: 'SHOW_DATABASES', kind: 'show_databases', ...likePattern(v, 2, n) };
    if (what === 'columns') return { ...base, statementType: 'UTILITY', substatementType: 'SHOW_COLUMNS', kind: 'show_columns', ...tableTarget(v, 3, n, ['from', 'in'].includes(w(2))) };
    const sub = { create: 'SHOW_CREATE_TABLE', partitions: 'SHOW_PARTITIONS', tblproperties: 'SHOW_TBLPROPERTIES', views: 'SHOW_VIEWS', functions: 'SHOW_FUNCTIONS' }[what];
    return unsupported('UTILITY', sub, `SHOW ${what.toUpperCase()}`, first.start);
  }
  if (word === 'describe' || word === 'desc') {
    return { ...base, statementType: 'UTILITY', substatementType: 'DESCRIBE_TABLE', kind: 'describe', ...tableTarget(v, 1, n, true) };
  }
  const ddl = {
    create: w(1) === 'table' && hasWordAtDepth0(v, 'as', n) ? ['DDL', 'CREATE_TABLE_AS_SELECT'] : ['DDL', { table: 'CREATE_TABLE', external: 'CREATE_TABLE', view: 'CREATE_VIEW', database: 'CREATE_DATABASE', schema: 'CREATE_DATABASE' }[w(1)]],
    drop: ['DDL', { table: 'DROP_TABLE', view: 'DROP_VIEW', database: 'DROP_DATABASE', schema: 'DROP_DATABASE' }[w(1)]],
    alter: ['DDL', 'ALTER_TABLE'],
    msck: ['DDL', 'MSCK_REPAIR_TABLE'],
    insert: ['DML', 'INSERT'],
    update: ['DML', 'UPDATE'],
    delete: ['DML', 'DELETE'],
    merge: ['DML', 'MERGE'],
    unload: ['DML', 'UNLOAD'],
    optimize: ['DDL', 'OPTIMIZE'],
    vacuum: ['DML', 'VACUUM'],
    prepare: ['UTILITY', 'PREPARE'],
    execute: ['UTILITY', 'EXECUTE'],
    deallocate: ['UTILITY', 'DEALLOCATE'],
    use: ['UTILITY', undefined],
  }[word];
  if (ddl) return unsupported(ddl[0], ddl[1], word.toUpperCase(), first.start);
  throw new QueryError('SYNTAX_ERROR', `mismatched input '${first.text}'. Expecting: 'SELECT', 'WITH', 'VALUES', 'TABLE', 'EXPLAIN', 'SHOW', 'DESCRIBE', <query>`, { pos: first.start });
}

function unsupported(statementType, substatementType, what, pos) {
  return {
    statementType,
    substatementType,
    kind: 'unsupported',
    error: notSupported(`${what} statements are not supported by the local Athena emulator: it runs read-only queries (SELECT, WITH, VALUES, TABLE, EXPLAIN, SHOW TABLES/DATABASES/COLUMNS, DESCRIBE) over the local lake`, pos),
  };
}

function hasWordAtDepth0(v, word, n) {
  for (let k = 0; k < n; k++) {
    if (v.match[k] !== undefined && v.match[k] > k) k = v.match[k];
    else if (v.isWord(k, word)) return true;
  }
  return false;
}

/** A possibly qualified name at sig tokens from k; returns the parts and the next index. */
function qualifiedName(v, k) {
  const parts = [];
  for (;;) {
    const t = v.tok(k);
    if (!t || (t.type !== TokenType.IDENT && t.type !== TokenType.QIDENT)) throw new QueryError('SYNTAX_ERROR', 'identifier expected', { pos: t ? t.start : v.sql.length });
    parts.push(t.type === TokenType.QIDENT ? t.value.toLowerCase() : t.lower);
    k++;
    if (!v.isOp(k, '.')) return { parts, next: k };
    k++;
  }
}

function tableTarget(v, k, n, ok) {
  if (!ok) throw new QueryError('SYNTAX_ERROR', "mismatched input. Expecting: 'FROM', 'IN'", { pos: v.tok(k - 1)?.start ?? 0 });
  const { parts, next } = qualifiedName(v, k);
  if (next !== n) throw new QueryError('SYNTAX_ERROR', `extraneous input '${v.tok(next).text}'`, { pos: v.tok(next).start });
  if (parts.length > 3) throw new QueryError('SYNTAX_ERROR', `Too many dots in table name: ${parts.join('.')}`, { pos: v.tok(k).start });
  return { target: parts, targetPos: v.tok(k).start };
}

function showTarget(v, k, n) {
  let database;
  if (v.isWord(k, 'in', 'from')) {
    const q = qualifiedName(v, k + 1);
    database = q.parts;
    k = q.next;
  }
  return { database, ...likePattern(v, k, n) };
}

function likePattern(v, k, n) {
  let pattern;
  if (v.isWord(k, 'like')) k++;
  if (k < n) {
    const t = v.tok(k);
    if (t.type !== TokenType.STRING || k + 1 !== n) throw new QueryError('SYNTAX_ERROR', `extraneous input '${t.text}'`, { pos: t.start });
    pattern = t.value;
  }
  return { pattern };
}

/**
 * Translate the query at sig tokens [start, end) of the analyzed statement to DuckDB SQL.
 * @returns {{sql: string, map: import('./source-map').SourceMap}}
 */
function translateQuery(statement) {
  const { view: v, start, end } = statement;
  const rw = new Rewriter(v);
  const out = new TextBuilder();
  if (statement.tableShorthand) {
    out.add('SELECT * FROM ', v.tok(start).start);
    rw.emit(start + 1, end, out);
  } else {
    rw.emit(start, end, out);
  }
  return { sql: out.toString(), map: out.toMap() };
}

module.exports = {
  analyzeStatement,
  translateQuery,
  translateJoda,
  translateMysql,
  decimalLiteral,
};
