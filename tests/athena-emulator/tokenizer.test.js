'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { emu } = require('./helpers');

const { tokenize, TokenType, SqlSyntaxError, lineCol } = emu('sql-tokenizer');

test('tokens join back to the input exactly', () => {
  const sql = "SELECT a.\"Opco/Central_?\", 'it''s ?' -- c ?\n /* ? */ FROM t WHERE x <> 1.5e-3 AND y || z != ? ;";
  const tokens = tokenize(sql);
  assert.equal(tokens.map((t) => t.text).join(''), sql);
});

test('strings, quoted identifiers, comments and ? are told apart', () => {
  const tokens = tokenize("x = 'a''?b' AND \"q\"\"?\" = ? -- ?\n/* ? */");
  const types = tokens.filter((t) => t.type !== TokenType.WS).map((t) => t.type);
  assert.deepEqual(types, ['ident', 'op', 'string', 'ident', 'qident', 'op', 'param', 'comment', 'comment']);
  const str = tokens.find((t) => t.type === TokenType.STRING);
  assert.equal(str.value, "a'?b");
  const qid = tokens.find((t) => t.type === TokenType.QIDENT);
  assert.equal(qid.value, 'q"?');
  assert.equal(tokens.filter((t) => t.type === TokenType.PARAM).length, 1);
});

test('numbers and multi-character operators', () => {
  const sig = tokenize('1 1.5 .5 1e10 2.5E-3 a||b <= >= <> != -> => ::').filter((t) => t.type !== TokenType.WS);
  assert.deepEqual(sig.map((t) => t.text), ['1', '1.5', '.5', '1e10', '2.5E-3', 'a', '||', 'b', '<=', '>=', '<>', '!=', '->', '=>', '::']);
  assert.deepEqual(sig.slice(0, 5).map((t) => t.type), Array(5).fill('number'));
});

test('identifiers are case-folded and may hold Unicode letters', () => {
  const [t] = tokenize('Montant_LCY_é');
  assert.equal(t.type, TokenType.IDENT);
  assert.equal(t.lower, 'montant_lcy_é');
});

test('unterminated constructs are syntax errors with their position', () => {
  for (const [sql, pos, what] of [["SELECT 'abc", 7, 'string literal'], ['SELECT "abc', 7, 'quoted identifier'], ['SELECT 1 /* x', 9, 'comment']]) {
    assert.throws(() => tokenize(sql), (e) => e instanceof SqlSyntaxError && e.pos === pos && e.message.includes(what));
  }
  assert.throws(() => tokenize('SELECT `a` FROM t'), /backquoted identifiers are not supported/);
});

test('lineCol counts lines and columns from 1 like Trino', () => {
  assert.deepEqual(lineCol('SELECT\n  x FROM', 9), { line: 2, col: 3 });
  assert.deepEqual(lineCol('SELECT x', 0), { line: 1, col: 1 });
});
