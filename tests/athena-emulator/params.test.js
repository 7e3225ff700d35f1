'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { emu } = require('./helpers');

const { substituteParameters, parameterToSql } = emu('params');
const { QueryError } = emu('errors');

test('each ? outside literals, quoted identifiers and comments takes a value in order', () => {
  const sql = 'SELECT "Is_Active?", \'?\' FROM t -- ?\nWHERE d <= ? /* ? */ AND c = ? AND n = ?';
  const { sql: out } = substituteParameters(sql, ["DATE '2025-09-30'", "'O''Brien'", '42']);
  assert.equal(out, 'SELECT "Is_Active?", \'?\' FROM t -- ?\nWHERE d <= (DATE \'2025-09-30\') /* ? */ AND c = (\'O\'\'Brien\') AND n = (42)');
});

test('values are classified like Athena does', () => {
  assert.equal(parameterToSql("'abc'"), "('abc')");
  assert.equal(parameterToSql("DATE '2014-07-05'"), "(DATE '2014-07-05')");
  assert.equal(parameterToSql("CAST('2014-07-05' AS DATE)"), "(CAST('2014-07-05' AS DATE))");
  assert.equal(parameterToSql("ARRAY['EC_NG', 'JD_GH']"), "(ARRAY['EC_NG', 'JD_GH'])");
  assert.equal(parameterToSql('1.5E0'), '(1.5E0)');
  assert.equal(parameterToSql('-5'), '(-5)');
  assert.equal(parameterToSql('NULL'), '(NULL)');
  assert.equal(parameterToSql("DECIMAL '12.34'"), "(DECIMAL '12.34')");
  assert.equal(parameterToSql("TIMESTAMP '2020-01-01 00:00:00.000'"), "(TIMESTAMP '2020-01-01 00:00:00.000')");
  assert.equal(parameterToSql('now()'), '(now())');
  // a bare identifier, something that does not tokenize, or an identifier expression: a string
  assert.equal(parameterToSql('Washington'), "'Washington'");
  assert.equal(parameterToSql("it's"), "'it''s'");
  assert.equal(parameterToSql('x + 1'), "'x + 1'");
  assert.equal(parameterToSql('t.x'), "'t.x'");
  assert.equal(parameterToSql('123e4567-e89b-12d3-a456-426614174000'), "'123e4567-e89b-12d3-a456-426614174000'");
});

test('a wrong number of values is INVALID_PARAMETER_USAGE at the first unmatched ?', () => {
  assert.throws(() => substituteParameters('SELECT ? , ?', ['1']), (e) => e instanceof QueryError
    && e.errorName === 'INVALID_PARAMETER_USAGE' && e.message === 'Incorrect number of parameters: expected 2 but found 1' && e.pos === 11);
  assert.throws(() => substituteParameters('SELECT ?', undefined), /expected 1 but found 0/);
  assert.throws(() => substituteParameters('SELECT ?', ['1', '2']), /expected 1 but found 2/);
});

test('values given to SQL without any ? are ignored', () => {
  assert.equal(substituteParameters("SELECT '?'", ['1']).sql, "SELECT '?'");
});

test('offsets of the substituted SQL map back to the original', () => {
  const sql = 'SELECT ? , nosuch FROM t';
  const { sql: out, map } = substituteParameters(sql, ["'a long value'"]);
  const at = out.indexOf('nosuch');
  assert.equal(map.toSource(at), sql.indexOf('nosuch'));
});
