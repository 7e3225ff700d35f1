'use strict';
// A small tokenizer for Trino (Athena engine v3) SQL text.
//
// Every SQL rewrite in the emulator (parameter substitution, the Trino -> DuckDB
// compatibility layer, the type fix-ups) works on these tokens instead of on raw
// text, so that a `?`, a function name or a keyword inside a string literal, a
// quoted identifier or a comment is never touched.
//
// The token list is lossless: joining every token's `text` gives back the input
// exactly, which lets rewriters copy untouched parts (whitespace, comments)
// verbatim and keep source offsets for error messages.

const TokenType = Object.freeze({
  WS: 'ws',
  COMMENT: 'comment',
  STRING: 'string', // '...' with '' as the escaped quote
  QIDENT: 'qident', // "..." with "" as the escaped quote
  IDENT: 'ident', // bare identifier or keyword
  NUMBER: 'number',
  PARAM: 'param', // ? (positional execution parameter)
  OP: 'op', // operators and punctuation
});

class SqlSyntaxError extends Error {
  /** @param {string} message @param {number} pos offset in the tokenized text */
  constructor(message, pos) {
    super(message);
    this.name = 'SqlSyntaxError';
    this.pos = pos;
  }
}

const TWO_CHAR_OPS = new Set(['||', '<=', '>=', '<>', '!=', '->', '=>', '::']);
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_]/u;
const WS_CHAR = /\s/;

function isDigit(c) {
  return c >= '0' && c <= '9';
}

/**
 * Scan a quoted run starting at `start` (which holds the quote char); returns the
 * offset just after the closing quote. A doubled quote is an escaped quote.
 */
function scanQuoted(sql, start, quote, what) {
  let i = start + 1;
  for (;;) {
    const j = sql.indexOf(quote, i);
    if (j < 0) throw new SqlSyntaxError(`unterminated ${what}`, start);
    if (sql[j + 1] === quote) {
      i = j + 2;
      continue;
    }
    return j + 1;
  }
}

function scanNumber(sql, start) {
  let i = start;
  while (isDigit(sql[i])) i++;
  if (sql[i] === '.') {
    i++;
    while (isDigit(sql[i])) i++;
  }
  if (sql[i] === 'e' || sql[i] === 'E') {
    let j = i + 1;
    if (sql[j] === '+' || sql[j] === '-') j++;
    if (isDigit(sql[j])) {
      while (isDigit(sql[j])) j++;
      i = j;
    }
  }
  return i;
}

/**
 * Split SQL text into tokens: {type, text, start, end}. Identifiers also carry
 * `lower` (the case-folded name); strings and quoted identifiers carry `value`
 * (the unescaped content).
 * @param {string} sql
 */
function tokenize(sql) {
  const tokens = [];
  const n = sql.length;
  let i = 0;
  const push = (type, start, end, extra) => {
    tokens.push({ type, text: sql.slice(start, end), start, end, ...extra });
  };
  while (i < n) {
    const c = sql[i];
    const start = i;
    if (WS_CHAR.test(c)) {
      while (i < n && WS_CHAR.test(sql[i])) i++;
      push(TokenType.WS, start, i);
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
      push(TokenType.COMMENT, start, i);
    } else if (c === '/' && sql[i + 1] === '*') {
      const e = sql.indexOf('*/', i + 2);
      if (e < 0) throw new SqlSyntaxError('unterminated comment', start);
      i = e + 2;
      push(TokenType.COMMENT, start, i);
    } else if (c === "'") {
      i = scanQuoted(sql, i, "'", 'string literal');
      push(TokenType.STRING, start, i, { value: sql.slice(start + 1, i - 1).replace(/''/g, "'") });
    } else if (c === '"') {
      i = scanQuoted(sql, i, '"', 'quoted identifier');
      push(TokenType.QIDENT, start, i, { value: sql.slice(start + 1, i - 1).replace(/""/g, '"') });
    } else if (c === '`') {
      throw new SqlSyntaxError('backquoted identifiers are not supported; use double quotes to quote identifiers', start);
    } else if (isDigit(c) || (c === '.' && isDigit(sql[i + 1]))) {
      i = scanNumber(sql, i);
      push(TokenType.NUMBER, start, i);
    } else if (IDENT_START.test(c)) {
      i++;
      while (i < n && IDENT_PART.test(sql[i])) i++;
      const text = sql.slice(start, i);
      push(TokenType.IDENT, start, i, { lower: text.toLowerCase() });
    } else if (c === '?') {
      i++;
      push(TokenType.PARAM, start, i);
    } else {
      const two = sql.slice(i, i + 2);
      i += TWO_CHAR_OPS.has(two) ? 2 : 1;
      push(TokenType.OP, start, i);
    }
  }
  return tokens;
}

/** True for tokens that carry meaning (not whitespace or comments). */
function isSignificant(tok) {
  return tok.type !== TokenType.WS && tok.type !== TokenType.COMMENT;
}

/** Quote a JS string as a SQL string literal ('' doubles an embedded quote). */
function quoteString(s) {
  return `'${String(s).replace(/'/g, "''")}'`;
}

/** Quote a name as a SQL identifier ("" doubles an embedded quote). */
function quoteIdent(s) {
  return `"${String(s).replace(/"/g, '""')}"`;
}

/** 1-based line and column of an offset, as Trino reports them (`line 1:8`). */
function lineCol(sql, pos) {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < sql.length; i++) {
    if (sql[i] === '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  return { line, col };
}

module.exports = { TokenType, SqlSyntaxError, tokenize, isSignificant, quoteString, quoteIdent, lineCol };
