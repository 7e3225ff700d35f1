'use strict';
// Trino semantics over the real pipeline (compat layer + type fix-ups + DuckDB +
// Athena rendering), in process: result types, values and errors.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { localEngine, tempDir, duck, writeCsvTable } = require('./helpers');

let env;
// ledger rows generated here; expectations below are computed from them in JS
const LEDGER = Array.from({ length: 40 }, (_, i) => ({
  entry: i + 1,
  company: ['EC_NG', 'JD_GH', 'ec_ng'][i % 3],
  cents: (i % 7 === 0 ? -1 : 1) * (i * 12345 + 5),
  day: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
}));

test.before(async () => {
  const lake = tempDir('athena-emu-sem-lake-');
  const dir = path.join(lake, 'finrec', 'ledger');
  require('fs').mkdirSync(dir, { recursive: true });
  const values = LEDGER.map((r) => `(${r.entry}, '${r.company}', ${r.cents}, DATE '${r.day}')`).join(', ');
  await duck([`COPY (SELECT e::BIGINT AS entry_no, c AS company, (cents / 100)::DECIMAL(38,2) AS amount_lcy, d AS posting_date
      FROM (VALUES ${values}) v(e, c, cents, d)) TO '${path.join(dir, 'part-0.parquet')}' (FORMAT parquet)`]);
  writeCsvTable(path.join(lake, 'finrec', 'fx'), [
    { name: 'company_code', type: 'string' }, { name: 'fx_rate', type: 'decimal(38,10)' }, { name: 'note', type: 'string' },
  ], [['EC_NG', '1540.1234567890', ''], ['JD_GH', '15.5000000000', null]]);
  env = await localEngine(lake);
});
test.after(() => env && env.close());

const one = async (sql, params) => {
  const r = await env.query(sql, params, 'finrec');
  return { value: r.rows[0][0], type: r.columns[0].Type, col: r.columns[0], rows: r.rows, names: r.names };
};

const centsToDecimal = (c) => {
  const neg = c < 0;
  const a = Math.abs(c);
  return `${neg ? '-' : ''}${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

test('aggregates keep Trino types: count/sum bigint, sum(decimal) decimal(38,s), avg(decimal) decimal(p,s)', async () => {
  const r = await env.query('SELECT count(*) n, sum(entry_no) s, sum(amount_lcy) total, avg(amount_lcy) a, count_if(amount_lcy < 0) neg, avg(entry_no) ae FROM ledger', undefined, 'finrec');
  const byName = Object.fromEntries(r.columns.map((c, i) => [c.Name, { c, v: r.rows[0][i] }]));
  assert.equal(byName.n.c.Type, 'bigint');
  assert.equal(byName.n.v, String(LEDGER.length));
  assert.equal(byName.s.c.Type, 'bigint');
  assert.equal(byName.s.v, String(LEDGER.reduce((n, x) => n + x.entry, 0)));
  assert.deepEqual([byName.total.c.Type, byName.total.c.Precision, byName.total.c.Scale], ['decimal', 38, 2]);
  const totalCents = LEDGER.reduce((n, x) => n + x.cents, 0);
  assert.equal(byName.total.v, centsToDecimal(totalCents));
  assert.deepEqual([byName.a.c.Type, byName.a.c.Precision, byName.a.c.Scale], ['decimal', 38, 2]);
  // exact average rounded half up (away from zero) to 2 decimals
  const avgCents = Math.sign(totalCents) * Math.floor((Math.abs(totalCents) * 2 / LEDGER.length + 1) / 2);
  assert.equal(byName.a.v, centsToDecimal(avgCents));
  assert.equal(byName.neg.c.Type, 'bigint');
  assert.equal(byName.neg.v, String(LEDGER.filter((x) => x.cents < 0).length));
  assert.equal(byName.ae.c.Type, 'double');
  assert.equal(byName.ae.v, String(LEDGER.reduce((n, x) => n + x.entry, 0) / LEDGER.length));
});

test('group by over lake data, case-sensitive strings', async () => {
  const r = await env.query("SELECT company, count(*) n, sum(amount_lcy) s FROM ledger WHERE company = 'EC_NG' OR company LIKE 'JD%' GROUP BY company ORDER BY company", undefined, 'finrec');
  const expect = ['EC_NG', 'JD_GH'].map((c) => {
    const rows = LEDGER.filter((x) => x.company === c);
    return [c, String(rows.length), centsToDecimal(rows.reduce((n, x) => n + x.cents, 0))];
  });
  assert.deepEqual(r.rows, expect);
  assert.equal((await one("SELECT 'abc' = 'ABC'")).value, 'false');
  assert.equal((await one("SELECT 'a ' = 'a'")).value, 'false');
});

test('CSV lake tables are typed by _schema.json and keep NULL vs empty string', async () => {
  const r = await env.query("SELECT company_code, fx_rate, note, note IS NULL FROM fx ORDER BY company_code", undefined, 'finrec');
  assert.deepEqual(r.rows, [['EC_NG', '1540.1234567890', '', 'false'], ['JD_GH', '15.5000000000', null, 'true']]);
  assert.deepEqual([r.columns[1].Type, r.columns[1].Precision, r.columns[1].Scale], ['decimal', 38, 10]);
});

test('decimal arithmetic stays decimal: division rounds half up with Trino precision/scale', async () => {
  let r = await one("SELECT DECIMAL '10.00' / DECIMAL '3'");
  assert.deepEqual([r.value, r.col.Precision, r.col.Scale], ['3.33', 4, 2]);
  r = await one("SELECT DECIMAL '-2.25' / 2");
  assert.equal(r.value, '-1.13');
  r = await one("SELECT DECIMAL '1.50' / DECIMAL '3.0000'");
  // decimal(3,2) / decimal(5,4) -> decimal(min(38, 3 + 4 + max(4 - 2, 0)), 4)
  assert.deepEqual([r.value, r.type, r.col.Precision, r.col.Scale], ['0.5000', 'decimal', 9, 4]);
  r = await one("SELECT amount_lcy / fx_rate FROM ledger, fx WHERE entry_no = 2 AND company_code = 'JD_GH'");
  const cents = LEDGER[1].cents; // amount / 15.5 rounded half up to 10 decimals
  const q = (BigInt(cents) * 10n ** 18n * 10n) / (155n * 10n ** 9n);
  const rounded = (q + 5n) / 10n; // positive here
  assert.equal(r.value, `${rounded / 10n ** 10n}.${String(rounded % 10n ** 10n).padStart(10, '0')}`);
  assert.deepEqual([r.col.Scale], [10]);
  r = await one("SELECT DECIMAL '7.5' % 2");
  assert.deepEqual([r.value, r.type], ['1.5', 'decimal']);
  r = await one("SELECT round(DECIMAL '12.345', 1), round(DECIMAL '-2.5')");
  assert.deepEqual(r.rows[0], ['12.300', '-3']);
});

test('integer division truncates and division by zero fails', async () => {
  const r = await one('SELECT 7 / 2, -7 / 2, 7 % -2, sum(entry_no) / count(*) FROM ledger');
  assert.deepEqual(r.rows[0], ['3', '-3', '1', String(Math.trunc(LEDGER.reduce((n, x) => n + x.entry, 0) / LEDGER.length))]);
  assert.equal(r.type, 'integer');
  await assert.rejects(env.query('SELECT entry_no / 0 FROM finrec.ledger'), (e) => e.errorName === 'DIVISION_BY_ZERO' && e.errorType === 1001);
  await assert.rejects(env.query("SELECT DECIMAL '1.0' / 0"), (e) => e.errorName === 'DIVISION_BY_ZERO');
});

test('operators keep SQL precedence when divisions are rewritten', async () => {
  const r = await one(`SELECT 7 * 3 / 2, 2 + 7 / 2, -7 / 2 * 3, (7 + 1) / 3, CAST(7 AS integer) / 2, 7 / 2 / 2,
      CASE WHEN true THEN 7 END / 2, 10 - 9 / 2 - 1, abs(-9) / 2 % 3, DECIMAL '1.00' * 3 / 7, 1 + DECIMAL '10' / 4 * 2`);
  assert.deepEqual(r.rows[0], ['10', '5', '-9', '2', '3', '1', '3', '5', '1', '0.43', '7']);
});

test('double and real notation, CAST to varchar', async () => {
  const r = await one("SELECT 1e20, 0.1E0 + 0.2E0, 1.0E0, 1.0E7, 1.0E-4, CAST(1e20 AS varchar), CAST(0.5E0 AS varchar), CAST(REAL '1.5' AS varchar), CAST(TIMESTAMP '2025-09-30 01:02:03' AS varchar)");
  assert.deepEqual(r.rows[0], ['1.0E20', '0.30000000000000004', '1.0', '1.0E7', '1.0E-4', '1.0E20', '0.5', '1.5', '2025-09-30 01:02:03.000']);
  assert.equal(r.type, 'double');
});

test('dates: date_add/date_trunc/date +/- interval keep dates, Joda date_diff, extractors', async () => {
  const r = await one(`SELECT date_add('month', 1, DATE '2025-01-31'), date_trunc('month', DATE '2025-09-17'),
      DATE '2025-09-30' + INTERVAL '1' DAY, DATE '2025-09-30' - INTERVAL '1' MONTH + INTERVAL '1' DAY,
      date_diff('month', DATE '2025-01-31', DATE '2025-02-28'), date_diff('day', DATE '2025-09-30', DATE '2025-10-01'),
      last_day_of_month(DATE '2024-02-10'), day_of_week(DATE '2025-09-28'), year(DATE '2025-09-30'), month(DATE '2025-09-30'), day(DATE '2025-09-30'),
      date_add('hour', 2, TIMESTAMP '2025-09-30 23:00:00'), date_trunc('day', TIMESTAMP '2025-09-30 23:59:59.999')`);
  assert.deepEqual(r.rows[0], ['2025-02-28', '2025-09-01', '2025-10-01', '2025-08-31', '1', '1', '2024-02-29', '7', '2025', '9', '30',
    '2025-10-01 01:00:00.000', '2025-09-30 00:00:00.000']);
  const types = (await env.query("SELECT date_add('day', 1, DATE '2025-01-01'), DATE '2025-01-01' + INTERVAL '1' DAY, date_trunc('month', DATE '2025-01-05'), year(DATE '2025-01-01')")).columns.map((c) => c.Type);
  assert.deepEqual(types, ['date', 'date', 'date', 'bigint']);
});

test('formatting and parsing of dates', async () => {
  const r = await one(`SELECT format_datetime(TIMESTAMP '2025-09-05 07:08:09.123', 'yyyy-MM'), format_datetime(DATE '2025-09-05', 'yyyyMM'),
      format_datetime(TIMESTAMP '2025-09-05 07:08:09.123', 'yyyy-MM-dd HH:mm:ss.SSS'), date_format(TIMESTAMP '2025-09-05 07:08:09', '%Y-%m-%d %H:%i:%s'),
      from_iso8601_timestamp('2025-09-30T10:00:00+02:00'), date_parse('2025/09/30', '%Y/%m/%d')`);
  assert.deepEqual(r.rows[0], ['2025-09', '202509', '2025-09-05 07:08:09.123', '2025-09-05 07:08:09', '2025-09-30 08:00:00.000 UTC', '2025-09-30 00:00:00.000']);
  assert.equal(r.names.length, 6);
});

test('strings: substr edges, concat and greatest with NULL, regexp, length of Unicode', async () => {
  const r = await one(`SELECT substr('hello', 0), substr('hello', -3), substr('hello', 2, 3), substr('hello', -10), strpos('hello', 'l'),
      concat('a', NULL, 'b'), concat('a', 'b'), greatest(1, NULL), least(3, 2), length('Côte d''Ivoire'),
      regexp_like('INV-123', '^INV-\\d+$'), regexp_replace('a1b22', '(\\d)', '<$1>'), regexp_extract('abc', 'x(y)'), regexp_extract('k=v', '(\\w)=(\\w)', 2),
      if(1 > 2, 'yes'), if(1 < 2, 'yes', 'no'), nullif(1, 1), coalesce(NULL, 'z')`);
  assert.deepEqual(r.rows[0], ['', 'llo', 'ell', '', '3', null, 'ab', null, '2', '13', 'true', 'a<1>b<2><2>', null, 'v', null, 'yes', null, 'z']);
});

test('arrays: ARRAY[...], contains with NULL semantics, cardinality, UNNEST, array rendering', async () => {
  const r = await one(`SELECT contains(ARRAY['EC_NG', 'JD_GH'], 'EC_NG'), contains(ARRAY['a', NULL], 'b'), contains(ARRAY['a'], 'b'),
      cardinality(ARRAY[1, 2, 3]), ARRAY['a', NULL, 'b"c'], ARRAY[1.5E0, 2.0E0]`);
  assert.deepEqual(r.rows[0], ['true', null, 'false', '3', '[a, null, b"c]', '[1.5, 2.0]']);
  assert.equal(r.col.Type, 'boolean');
  const seq = await one("SELECT sequence(1, 3), sequence(DATE '2025-01-30', DATE '2025-02-01'), sequence(DATE '2025-01-31', DATE '2025-04-30', INTERVAL '1' MONTH), sequence(10, 1, -4), sequence(DATE '2025-01-03', DATE '2025-01-01')");
  assert.deepEqual(seq.rows[0], ['[1, 2, 3]', '[2025-01-30, 2025-01-31, 2025-02-01]', '[2025-01-31, 2025-02-28, 2025-03-31, 2025-04-30]', '[10, 6, 2]',
    '[2025-01-03, 2025-01-02, 2025-01-01]']);
  const u = await env.query('SELECT x, n FROM UNNEST(ARRAY[10, 20]) WITH ORDINALITY AS t(x, n) ORDER BY n');
  assert.deepEqual(u.rows, [['10', '1'], ['20', '2']]);
  const filtered = await env.query("SELECT count(*) FROM ledger WHERE contains(?, company)", ["ARRAY['EC_NG', 'JD_GH']"], 'finrec');
  assert.equal(filtered.rows[0][0], String(LEDGER.filter((x) => ['EC_NG', 'JD_GH'].includes(x.company)).length));
});

test('window functions', async () => {
  const r = await env.query(`SELECT entry_no, row_number() OVER (PARTITION BY company ORDER BY entry_no) rn,
      sum(amount_lcy) OVER (PARTITION BY company ORDER BY entry_no ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) running
      FROM ledger WHERE company = 'JD_GH' ORDER BY entry_no`, undefined, 'finrec');
  let acc = 0;
  const expect = LEDGER.filter((x) => x.company === 'JD_GH').map((x, i) => {
    acc += x.cents;
    return [String(x.entry), String(i + 1), centsToDecimal(acc)];
  });
  assert.deepEqual(r.rows, expect);
  assert.equal(r.columns[2].Type, 'decimal');
});

test('try_cast, bad casts and execution parameters', async () => {
  assert.equal((await one("SELECT try_cast('abc' AS integer)")).value, null);
  await assert.rejects(env.query("SELECT CAST('abc' AS integer)"), (e) => e.errorName === 'INVALID_CAST_ARGUMENT' && /Cannot cast 'abc'/.test(e.message));
  const r = await env.query("SELECT count(*), sum(amount_lcy) FROM ledger WHERE posting_date <= ? AND company = ?", ["DATE '2025-06-30'", "'EC_NG'"], 'finrec');
  const rows = LEDGER.filter((x) => x.day <= '2025-06-30' && x.company === 'EC_NG');
  assert.deepEqual(r.rows[0], [String(rows.length), centsToDecimal(rows.reduce((n, x) => n + x.cents, 0))]);
});

test('column names like Athena: aliases and column names lower-cased, _colN for expressions', async () => {
  assert.deepEqual((await env.query('SELECT entry_no, Company AS "Co", amount_lcy * 2, 1 FROM ledger LIMIT 1', undefined, 'finrec')).names, ['entry_no', 'co', '_col2', '_col3']);
  assert.deepEqual((await env.query("VALUES (1, 'a')")).names, ['_col0', '_col1']);
  assert.deepEqual((await env.query('SELECT *, 1 FROM (SELECT 1 AS a, 2 AS b)')).names, ['a', 'b', '_col2']);
});

test('errors carry Trino names, Athena error types and line:col of the SQL the user sent', async () => {
  await assert.rejects(env.query('SELECT *\nFROM   nosuch', undefined, 'finrec'), (e) => e.errorName === 'TABLE_NOT_FOUND' && e.errorType === 1301
    && e.message.startsWith("line 2:8: Table 'awsdatacatalog.finrec.nosuch' does not exist"));
  // positions survive parameter substitution and rewrites placed before the error
  await assert.rejects(env.query("SELECT concat(?, 'x'), nosuch_col FROM ledger", ["'a much longer parameter value'"], 'finrec'),
    (e) => e.errorName === 'COLUMN_NOT_FOUND' && e.errorType === 1006 && e.message.startsWith("line 1:24: Column 'nosuch_col' cannot be resolved"));
  await assert.rejects(env.query('SELECT nosuch_fn(1)'), (e) => e.errorName === 'FUNCTION_NOT_FOUND' && e.errorType === 1303 && /line 1:8: Function 'nosuch_fn' not registered/.test(e.message));
  await assert.rejects(env.query('SELECT 1 FROM WHERE'), (e) => e.errorName === 'SYNTAX_ERROR' && e.errorType === 1006 && /^line 1:15: mismatched input 'WHERE'/.test(e.message));
  await assert.rejects(env.query('SELECT approx_distinct(entry_no) FROM ledger', undefined, 'finrec'), (e) => e.errorName === 'NOT_SUPPORTED' && /^line 1:8: Function 'approx_distinct'/.test(e.message));
  await assert.rejects(env.query("SELECT * FROM read_csv('/etc/passwd')"), (e) => e.errorName === 'PERMISSION_DENIED');
});
