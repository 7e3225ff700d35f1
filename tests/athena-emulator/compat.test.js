'use strict';
// The Trino -> DuckDB compatibility layer: the text of each rewrite, statement
// classification and the refusals.
const test = require('node:test');
const assert = require('node:assert/strict');
const { emu } = require('./helpers');

const { analyzeStatement, translateQuery, translateJoda, translateMysql, decimalLiteral } = emu('sql-compat');
const { QueryError } = emu('errors');

const translate = (sql) => translateQuery(analyzeStatement(sql)).sql;

test('typed literals', () => {
  assert.equal(translate("SELECT DECIMAL '12.34', DECIMAL '-0.50', DECIMAL '007'"),
    "SELECT CAST('12.34' AS DECIMAL(4,2)), CAST('-0.50' AS DECIMAL(2,2)), CAST('007' AS DECIMAL(1,0))");
  assert.equal(translate("SELECT DATE '2025-09-30', TIMESTAMP '2025-09-30 23:59:59.999'"), "SELECT DATE '2025-09-30', TIMESTAMP '2025-09-30 23:59:59.999'");
  assert.equal(translate("SELECT TIMESTAMP '2020-01-01 00:00:00 UTC'"), "SELECT CAST('2020-01-01 00:00:00 UTC' AS TIMESTAMPTZ)");
  assert.throws(() => decimalLiteral('1.2.3', 0), /not a valid decimal literal/);
});

test('date and time functions', () => {
  assert.equal(translate("SELECT date_add('day', 1, d), date_diff('month', a, b), date_trunc('month', d), last_day_of_month(d) FROM t"),
    "SELECT athena_date_add('day', 1, d), athena_date_diff('month', a, b), athena_date_trunc('month', d), last_day(d) FROM t");
  assert.equal(translate('SELECT day_of_week(d), dow(d), day_of_month(d), day_of_year(d), year(d), month(d), day(d) FROM t'),
    'SELECT isodow(d), isodow(d), day(d), dayofyear(d), year(d), month(d), day(d) FROM t');
  assert.equal(translate("SELECT format_datetime(ts, 'yyyy-MM'), format_datetime(ts, 'yyyyMM'), date_format(ts, '%Y-%m-%d %H:%i:%s') FROM t"),
    "SELECT strftime(ts, '%Y-%m'), strftime(ts, '%Y%m'), strftime(ts, '%Y-%m-%d %H:%M:%S') FROM t");
  assert.equal(translate("SELECT from_iso8601_timestamp(s), date(ts) FROM t"), 'SELECT CAST(s AS TIMESTAMPTZ), CAST(ts AS DATE) FROM t');
  assert.equal(translateJoda("yyyy-MM-dd'T'HH:mm:ss.SSS"), '%Y-%m-%dT%H:%M:%S.%g');
  assert.equal(translateMysql('%c/%e %T %%'), '%-m/%-d %H:%M:%S %%');
  assert.throws(() => translateJoda('yyyy-QQ'), (e) => e instanceof QueryError && e.errorName === 'NOT_SUPPORTED' && /'QQ'/.test(e.message));
  assert.throws(() => translate('SELECT format_datetime(ts, fmt) FROM t'), /must be a string literal/);
});

test('string and conditional functions', () => {
  assert.equal(translate("SELECT concat(a, 'x', b) FROM t"), "SELECT ((a) || ('x') || (b)) FROM t");
  assert.equal(translate('SELECT if(a > 1, x), if(a > 1, x, y) FROM t'), 'SELECT CASE WHEN a > 1 THEN x END, CASE WHEN a > 1 THEN x ELSE y END FROM t');
  assert.equal(translate('SELECT substr(s, 2), substr(s, 2, 3), substring(s FROM 2 FOR 3) FROM t'),
    'SELECT athena_substr(s, 2), athena_substr(s, 2, 3), athena_substr(s, 2, 3) FROM t');
  assert.equal(translate("SELECT regexp_like(s, 'a+'), regexp_replace(s, '(a)(b)', '$2$1'), regexp_replace(s, 'x'), regexp_extract(s, 'a(b)') FROM t"),
    "SELECT regexp_matches(s, 'a+'), regexp_replace(s, '(a)(b)', '\\2\\1', 'g'), regexp_replace(s, 'x', '', 'g'), athena_regexp_extract(s, 'a(b)', 0) FROM t");
  assert.equal(translate('SELECT greatest(a, b) FROM t'), 'SELECT CASE WHEN (a) IS NULL OR (b) IS NULL THEN NULL ELSE greatest(a, b) END FROM t');
  assert.equal(translate('SELECT strpos(s, \'x\'), length(s), coalesce(a, b), nullif(a, b) FROM t'), "SELECT strpos(s, 'x'), length(s), coalesce(a, b), nullif(a, b) FROM t");
});

test('arrays, aggregates and casts', () => {
  assert.equal(translate("SELECT contains(ARRAY['a', 'b'], c), cardinality(arr) FROM t"), "SELECT athena_contains(ARRAY['a', 'b'], c), len(arr) FROM t");
  assert.equal(translate('SELECT count_if(x > 0) FILTER (WHERE y), bool_or(f), arbitrary(z) FROM t'),
    'SELECT count(CASE WHEN x > 0 THEN 1 END) FILTER (WHERE y), bool_or(f), any_value(z) FROM t');
  assert.equal(translate('SELECT CAST(x AS varchar), TRY_CAST(y AS decimal), CAST(z AS array(varchar)), CAST(m AS map(varchar, integer)), CAST(r AS row(a bigint, b double)) FROM t'),
    'SELECT CAST(x AS VARCHAR), TRY_CAST(y AS DECIMAL(38,0)), CAST(z AS VARCHAR[]), CAST(m AS MAP(VARCHAR, INTEGER)), CAST(r AS STRUCT("a" BIGINT, "b" DOUBLE)) FROM t');
  assert.equal(translate('SELECT CAST(ts AS timestamp(3) with time zone), CAST(b AS varbinary), mod(a, b) FROM t'),
    'SELECT CAST(ts AS TIMESTAMPTZ), CAST(b AS BLOB), ((a) % (b)) FROM t');
});

test('rewrites reach nested calls and keep text inside literals and comments', () => {
  assert.equal(translate("SELECT date_add('day', 1, date_trunc('month', concat(a, b))) -- concat(x)\nFROM t WHERE s = 'if(a, b)'"),
    "SELECT athena_date_add('day', 1, athena_date_trunc('month', ((a) || (b)))) -- concat(x)\nFROM t WHERE s = 'if(a, b)'");
  // a qualified name or a column called like a function is not a call
  assert.equal(translate('SELECT t.concat, concat FROM t'), 'SELECT t.concat, concat FROM t');
});

test('approximate functions are refused with NOT_SUPPORTED naming them', () => {
  for (const fn of ['approx_distinct', 'approx_percentile', 'approx_set']) {
    assert.throws(() => translate(`SELECT ${fn}(x) FROM t`), (e) => e instanceof QueryError && e.errorName === 'NOT_SUPPORTED'
      && e.errorType === 1200 && e.message.includes(`'${fn}'`) && e.pos === 7);
  }
  assert.throws(() => translate('SELECT strpos(s, \'a\', 2) FROM t'), (e) => e.errorName === 'FUNCTION_NOT_FOUND');
});

test('statement classification', () => {
  const c = (sql) => {
    const s = analyzeStatement(sql);
    return [s.statementType, s.substatementType, s.kind];
  };
  assert.deepEqual(c('SELECT 1'), ['DML', 'SELECT', 'query']);
  assert.deepEqual(c('  -- note\n WITH x AS (SELECT 1) SELECT * FROM x;'), ['DML', 'SELECT', 'query']);
  assert.deepEqual(c('VALUES (1)'), ['DML', 'SELECT', 'query']);
  assert.deepEqual(c('(SELECT 1)'), ['DML', 'SELECT', 'query']);
  assert.deepEqual(c('EXPLAIN SELECT 1'), ['DML', 'EXPLAIN', 'explain']);
  assert.deepEqual(c('SHOW TABLES IN finrec'), ['UTILITY', 'SHOW_TABLES', 'show_tables']);
  assert.deepEqual(c('SHOW SCHEMAS'), ['UTILITY', 'SHOW_DATABASES', 'show_databases']);
  assert.deepEqual(c('DESCRIBE finrec.t'), ['UTILITY', 'DESCRIBE_TABLE', 'describe']);
  assert.deepEqual(c('CREATE TABLE x AS SELECT 1'), ['DDL', 'CREATE_TABLE_AS_SELECT', 'unsupported']);
  assert.deepEqual(c('INSERT INTO x VALUES (1)'), ['DML', 'INSERT', 'unsupported']);
  assert.equal(translate('TABLE finrec.t'), 'SELECT * FROM finrec.t');
  assert.throws(() => analyzeStatement('SELECT 1; SELECT 2'), (e) => e.errorName === 'SYNTAX_ERROR' && e.pos === 8);
  assert.throws(() => analyzeStatement('SELEC 1'), (e) => e.errorName === 'SYNTAX_ERROR' && /mismatched input 'SELEC'/.test(e.message));
});
