'use strict';
// Value rendering in Athena's notation, and the CSV dialect of result files, through
// the real pipeline (DuckDB renders; the file is what gets uploaded to S3).
const test = require('node:test');
const assert = require('node:assert/strict');
const { localEngine, emu } = require('./helpers');

const { seeded } = emu('faults'); // a small seeded PRNG (mulberry32) for reproducible inputs

let env;
test.before(async () => {
  env = await localEngine();
});
test.after(() => env && env.close());

/**
 * Java's Double.toString (JDK 19+: shortest digits that round-trip), written
 * independently of the emulator from JavaScript's shortest digits.
 */
function javaDouble(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  const [mant, expText] = a.toExponential().split('e'); // shortest round-trip digits
  const digits = mant.replace('.', '');
  const e = Number(expText);
  if (a >= 1e-3 && a < 1e7) {
    if (e >= 0) {
      const int = digits.slice(0, e + 1).padEnd(e + 1, '0');
      const frac = digits.slice(e + 1) || '0';
      return `${sign}${int}.${frac}`;
    }
    return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${e}`;
}

test('the oracle itself matches known Java outputs', () => {
  const known = [[1, '1.0'], [0.1 + 0.2, '0.30000000000000004'], [1e20, '1.0E20'], [1e7, '1.0E7'], [9999999, '9999999.0'],
    [0.001, '0.001'], [0.0001, '1.0E-4'], [-1.5e-7, '-1.5E-7'], [123456789, '1.23456789E8'], [100, '100.0'], [1.7976931348623157e308, '1.7976931348623157E308']];
  for (const [x, s] of known) assert.equal(javaDouble(x), s, String(x));
});

test('doubles are rendered in Java notation (DuckDB macro vs an independent oracle, 4000 values)', async () => {
  const rnd = seeded(20250930);
  const values = [0, -0, 1, -1, 0.5, 1e7, 9999999.999, 1e-3, 0.000999, 1e16, 123456789012345680, 2 ** 53, 5e-324, 2.2250738585072014e-308,
    Number.MAX_VALUE, Number.NaN, Infinity, -Infinity];
  const buf = new DataView(new ArrayBuffer(8));
  while (values.length < 4000) {
    if (values.length % 2) {
      values.push((rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20)); // everyday magnitudes
    } else {
      buf.setUint32(0, Math.floor(rnd() * 2 ** 32));
      buf.setUint32(4, Math.floor(rnd() * 2 ** 32));
      const x = buf.getFloat64(0);
      if (Number.isFinite(x) && Math.abs(x) > 1e-300) values.push(x); // random bit patterns (subnormals excluded, see README)
    }
  }
  const literal = (x) => (Number.isNaN(x) ? "'NaN'" : x === Infinity ? "'Infinity'" : x === -Infinity ? "'-Infinity'" : Object.is(x, -0) ? "'-0.0'" : `'${x.toExponential()}'`);
  const sql = `SELECT v FROM (SELECT unnest([${values.map(literal).join(', ')}]::DOUBLE[]) AS v, generate_subscripts([${values.map(() => 0).join(',')}], 1) AS i) ORDER BY i`;
  const r = await env.query(sql);
  assert.equal(r.columns[0].Type, 'double');
  const mismatches = [];
  r.rows.forEach((row, i) => {
    if (row[0] !== javaDouble(values[i])) mismatches.push(`${values[i]}: got ${row[0]}, want ${javaDouble(values[i])}`);
  });
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.equal(r.rows.length, values.length);
});

test('reals use Java Float.toString notation', async () => {
  const r = await env.query("SELECT REAL '1.5', REAL '0.1', REAL '1e10', CAST(1234567.0 AS real), CAST(12345678.0 AS real), REAL '0.001'");
  assert.deepEqual(r.rows[0], ['1.5', '0.1', '1.0E10', '1234567.0', '1.2345678E7', '0.001']);
  assert.equal(r.columns[0].Type, 'float');
});

test('decimals keep their full scale; integers and booleans are plain', async () => {
  const r = await env.query("SELECT DECIMAL '12.30', DECIMAL '-0.50', CAST(5 AS decimal(10,2)), DECIMAL '0.000', CAST(-12 AS bigint), CAST(7 AS tinyint), true, false");
  assert.deepEqual(r.rows[0], ['12.30', '-0.50', '5.00', '0.000', '-12', '7', 'true', 'false']);
  const c = await env.query("SELECT CAST(DECIMAL '-0.50' AS varchar), CAST(CAST('-0.5' AS decimal(38,38)) AS varchar), CAST('0.25' AS decimal(38,38))");
  assert.deepEqual(c.rows[0], ['-0.50', `-0.5${'0'.repeat(37)}`, `0.25${'0'.repeat(36)}`]);
  assert.deepEqual(r.columns.map((c) => [c.Type, c.Precision, c.Scale]), [['decimal', 4, 2], ['decimal', 2, 2], ['decimal', 10, 2], ['decimal', 3, 3],
    ['bigint', 19, 0], ['tinyint', 3, 0], ['boolean', 0, 0], ['boolean', 0, 0]]);
});

test('timestamps always have three fractional digits; dates are YYYY-MM-DD', async () => {
  const r = await env.query(`SELECT TIMESTAMP '2025-09-30 23:59:59', TIMESTAMP '2025-09-30 23:59:59.5', CAST(TIMESTAMP '2025-09-30 23:59:59.123456' AS timestamp(6)),
      DATE '2025-09-30', TIMESTAMP '2025-01-01 00:00:00 UTC', TIME '10:11:12.5'`);
  assert.deepEqual(r.rows[0], ['2025-09-30 23:59:59.000', '2025-09-30 23:59:59.500', '2025-09-30 23:59:59.123', '2025-09-30', '2025-01-01 00:00:00.000 UTC', '10:11:12.500']);
  assert.deepEqual(r.columns.map((c) => [c.Type, c.Precision]), [['timestamp', 3], ['timestamp', 3], ['timestamp', 3], ['date', 0], ['timestamp with time zone', 3], ['time', 3]]);
});

test('varchar is verbatim; ColumnInfo follows Athena', async () => {
  const r = await env.query("SELECT 'a\"b, c' AS s, 'Côte d''Ivoire — ✓ 😀' AS u");
  assert.deepEqual(r.rows[0], ['a"b, c', "Côte d'Ivoire — ✓ 😀"]);
  assert.deepEqual(r.columns[0], { CatalogName: 'hive', SchemaName: '', TableName: '', Name: 's', Label: 's', Type: 'varchar', Precision: 2147483647, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: true });
});

test('arrays, maps, rows and varbinary use Athena notation', async () => {
  const r = await env.query("SELECT ARRAY[1, 2], ARRAY['a, b', NULL], ARRAY[ARRAY[1], ARRAY[2, 3]], MAP(ARRAY['k'], ARRAY[1]), CAST(ROW(1, 'x') AS row(id integer, name varchar)), X'0102'");
  assert.deepEqual(r.rows[0], ['[1, 2]', '[a, b, null]', '[[1], [2, 3]]', '{k=1}', '{id=1, name=x}', '01 02']);
  assert.deepEqual(r.columns.map((c) => c.Type), ['array', 'array', 'array', 'map', 'row', 'varbinary']);
});

test('CSV dialect: quoted values, "" escapes, NULL unquoted and empty, \\n line ends, UTF-8 without BOM', async () => {
  const r = await env.query(`SELECT * FROM (VALUES (1, 'plain', 'a"b', NULL, ''), (2, 'x,y', 'line1
line2', 'crlf\r\nend', 'é😀')) AS t(id, a, b, c, d) ORDER BY id`);
  assert.equal(r.header, '"id","a","b","c","d"\n');
  const expected = '"1","plain","a""b",,""\n"2","x,y","line1\nline2","crlf\r\nend","é😀"\n';
  assert.equal(r.bytes.toString('utf8'), expected);
  assert.notEqual(r.bytes[0], 0xef); // no BOM
  assert.deepEqual(r.rows, [['1', 'plain', 'a"b', null, ''], ['2', 'x,y', 'line1\nline2', 'crlf\r\nend', 'é😀']]);
});

test('CSV dialect: a one-column NULL row is an empty line, and an empty result has no rows', async () => {
  const r = await env.query("SELECT x FROM (VALUES ('a'), (NULL), ('')) AS t(x)");
  assert.equal(r.bytes.toString('utf8'), '"a"\n\n""\n');
  assert.deepEqual(r.rows, [['a'], [null], ['']]);
  const empty = await env.query('SELECT 1 AS i WHERE false');
  assert.equal(empty.header + empty.bytes.toString('utf8'), '"i"\n');
  const unnamed = await env.query('SELECT 1');
  assert.equal(unnamed.header + unnamed.bytes.toString('utf8'), '"_col0"\n"1"\n');
});

test('result pages are read from the file at byte offsets, across chunk boundaries', () => {
  const fs = require('fs');
  const path = require('path');
  const { csvLine, readPage } = emu('results');
  const file = path.join(require('./helpers').tempDir(), 'r.data');
  const rows = Array.from({ length: 3000 }, (_, i) => [String(i), i % 5 === 0 ? null : `v"${i},\n${'x'.repeat(i % 300)}`, i % 7 === 0 ? '' : 'é']);
  fs.writeFileSync(file, rows.map(csvLine).join(''));
  const got = [];
  let offset = 0;
  let pages = 0;
  for (;;) {
    const p = readPage(file, offset, 999);
    got.push(...p.rows);
    pages++;
    if (p.next === null) break;
    offset = p.next;
  }
  assert.equal(pages, 4);
  assert.deepEqual(got, rows);
});
