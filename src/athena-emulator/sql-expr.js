'use strict';
// Token-level structure helpers shared by the SQL rewriters: bracket matching,
// argument splitting and the extent of an operator's operands.
//
// This is deliberately not a full SQL parser. It only answers the questions the
// rewriters ask ("where do the arguments of this call end?", "what is the left
// operand of this `/`?") using SQL's precedence rules for the expression forms
// finance queries use (calls with FILTER/OVER, CASE ... END, typed literals,
// INTERVAL literals, subscripts, `::` casts, unary signs).

const { tokenize, isSignificant, TokenType, SqlSyntaxError } = require('./sql-tokenizer');

// Words that can precede "(" without being a function name.
const NON_FUNCTION_KEYWORDS = new Set([
  'in', 'exists', 'values', 'as', 'from', 'join', 'and', 'or', 'not', 'when', 'then', 'else', 'select',
  'where', 'on', 'by', 'having', 'is', 'over', 'filter', 'using', 'lateral', 'any', 'all', 'some', 'case',
  'union', 'intersect', 'except', 'with', 'distinct', 'limit', 'offset', 'between', 'like', 'escape',
  'return', 'returns', 'to', 'qualify', 'window', 'set', 'into', 'table', 'end', 'if',
]);
const INTERVAL_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond',
  'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'quarter']);
const TYPED_LITERAL_WORDS = new Set(['date', 'timestamp', 'time', 'decimal', 'timestamptz', 'json', 'uuid']);

class TokenView {
  /** @param {string} sql */
  constructor(sql) {
    this.sql = sql;
    this.all = tokenize(sql);
    /** significant tokens, each with `gap`: the whitespace/comment text before it */
    this.sig = [];
    let gap = '';
    let gapStart = 0;
    for (const t of this.all) {
      if (isSignificant(t)) {
        this.sig.push({ ...t, gap, gapStart });
        gap = '';
        gapStart = t.end;
      } else {
        if (!gap) gapStart = t.start;
        gap += t.text;
      }
    }
    this.trailing = gap;
    this.match = matchBrackets(this.sig);
  }

  tok(k) {
    return this.sig[k];
  }

  isOp(k, text) {
    const t = this.sig[k];
    return !!t && t.type === TokenType.OP && t.text === text;
  }

  isWord(k, ...words) {
    const t = this.sig[k];
    return !!t && t.type === TokenType.IDENT && (words.length === 0 || words.includes(t.lower));
  }

  /** Text of significant tokens [a, b) including the gaps between them (not before a). */
  text(a, b) {
    let s = '';
    for (let k = a; k < b; k++) s += (k > a ? this.sig[k].gap : '') + this.sig[k].text;
    return s;
  }

  /** Split the contents of the bracket group opened at `open` at depth-0 commas. */
  args(open) {
    const close = this.match[open];
    const out = [];
    if (close === open + 1) return out;
    let start = open + 1;
    for (let k = open + 1; k < close; k++) {
      if (this.match[k] !== undefined && this.match[k] > k) {
        k = this.match[k];
        continue;
      }
      if (this.isOp(k, ',')) {
        out.push([start, k]);
        start = k + 1;
      }
    }
    out.push([start, close]);
    return out;
  }

  /** Index of the `end` closing the `case` at k (same bracket depth). */
  caseEnd(k) {
    let depth = 0;
    for (let j = k; j < this.sig.length; j++) {
      if (this.match[j] !== undefined && this.match[j] > j) {
        j = this.match[j];
        continue;
      }
      if (this.isWord(j, 'case')) depth++;
      else if (this.isWord(j, 'end') && --depth === 0) return j;
    }
    throw new SqlSyntaxError("CASE without END", this.sig[k].start);
  }

  /** Index of the `case` opening the `end` at k. */
  caseStart(k) {
    let depth = 0;
    for (let j = k; j >= 0; j--) {
      if (this.match[j] !== undefined && this.match[j] < j) {
        j = this.match[j];
        continue;
      }
      if (this.isWord(j, 'end')) depth++;
      else if (this.isWord(j, 'case') && --depth === 0) return j;
    }
    throw new SqlSyntaxError('END without CASE', this.sig[k].start);
  }

  /** End (exclusive) of the primary expression (with postfix forms) starting at k. */
  primaryEnd(k) {
    const t = this.sig[k];
    if (!t) throw new SqlSyntaxError('expression expected', this.sql.length);
    let e;
    if (t.type === TokenType.OP && (t.text === '-' || t.text === '+')) return this.primaryEnd(k + 1);
    if (t.type === TokenType.OP && (t.text === '(' || t.text === '[')) e = this.match[k] + 1;
    else if (t.type === TokenType.IDENT && t.lower === 'case') e = this.caseEnd(k) + 1;
    else if (t.type === TokenType.IDENT && t.lower === 'interval') e = this.intervalEnd(k);
    else if (t.type === TokenType.IDENT && TYPED_LITERAL_WORDS.has(t.lower) && this.sig[k + 1]?.type === TokenType.STRING) e = k + 2;
    else if (t.type === TokenType.IDENT && t.lower === 'array' && this.isOp(k + 1, '[')) e = this.match[k + 1] + 1;
    else if (t.type === TokenType.IDENT || t.type === TokenType.QIDENT) {
      e = k + 1;
      while (this.isOp(e, '.') && this.sig[e + 1] && (this.sig[e + 1].type !== TokenType.OP || this.sig[e + 1].text === '*')) e += 2;
      if (this.isOp(e, '(')) {
        e = this.match[e] + 1;
        if (this.isWord(e, 'filter') && this.isOp(e + 1, '(')) e = this.match[e + 1] + 1;
        if (this.isWord(e, 'over')) e = this.isOp(e + 1, '(') ? this.match[e + 1] + 1 : e + 2;
      }
    } else e = k + 1; // number, string, param
    // postfix: subscripts, field access, `::type`
    for (;;) {
      if (this.isOp(e, '[')) e = this.match[e] + 1;
      else if (this.isOp(e, '.') && this.sig[e + 1] && this.sig[e + 1].type !== TokenType.OP) e += 2;
      else if (this.isOp(e, '::')) {
        e += 2;
        if (this.isOp(e, '(')) e = this.match[e] + 1;
        while (this.isOp(e, '[') && this.isOp(e + 1, ']')) e += 2;
      } else break;
    }
    return e;
  }

  intervalEnd(k) {
    let e = k + 1;
    e = this.sig[e]?.type === TokenType.STRING ? e + 1 : this.primaryEnd(e);
    if (this.isWord(e) && INTERVAL_UNITS.has(this.sig[e].lower)) {
      e++;
      if (this.isWord(e, 'to') && this.isWord(e + 1)) e += 2;
    }
    return e;
  }

  /** Start of the primary expression (with postfix forms) that ends at index j (inclusive). */
  primaryStart(j) {
    const t = this.sig[j];
    let s;
    if (t.type === TokenType.OP && (t.text === ')' || t.text === ']')) {
      const m = this.match[j];
      const before = this.sig[m - 1];
      if (t.text === ')' && before && (before.type === TokenType.IDENT || before.type === TokenType.QIDENT)
          && !(before.type === TokenType.IDENT && NON_FUNCTION_KEYWORDS.has(before.lower))) {
        s = this.nameChainStart(m - 1); // function call
      } else if (t.text === ')' && this.isWord(m - 1, 'over', 'filter')) {
        s = this.primaryStart(m - 2); // call ... OVER (...) / FILTER (...)
      } else if (t.text === ']' && this.isWord(m - 1, 'array')) {
        s = m - 1;
      } else if (t.text === ']' && before && (before.type !== TokenType.OP || before.text === ')' || before.text === ']')
          && !(before.type === TokenType.IDENT && NON_FUNCTION_KEYWORDS.has(before.lower))) {
        s = this.primaryStart(m - 1); // subscript of the expression before
      } else s = m;
    } else if (t.type === TokenType.IDENT && t.lower === 'end') {
      s = this.caseStart(j);
    } else if (t.type === TokenType.IDENT && this.isWord(j - 1, 'over')) {
      s = this.primaryStart(j - 2); // call OVER window_name
    } else if (t.type === TokenType.IDENT && INTERVAL_UNITS.has(t.lower) && this.findIntervalStart(j) >= 0) {
      s = this.findIntervalStart(j);
    } else if (t.type === TokenType.STRING && this.isWord(j - 1) && (TYPED_LITERAL_WORDS.has(this.sig[j - 1].lower) || this.sig[j - 1].lower === 'interval')) {
      s = j - 1;
    } else if (t.type === TokenType.IDENT || t.type === TokenType.QIDENT) {
      s = this.nameChainStart(j);
    } else s = j;
    // `expr::type`: the primary is the whole cast
    if (this.isOp(s - 1, '::')) return this.primaryStart(s - 2);
    return s;
  }

  findIntervalStart(j) {
    // INTERVAL 'n' unit [TO unit]
    let k = j;
    if (this.isWord(k - 1, 'to') && this.isWord(k - 2) && INTERVAL_UNITS.has(this.sig[k - 2].lower)) k -= 2;
    if (this.isWord(k - 2, 'interval')) return k - 2;
    return -1;
  }

  nameChainStart(j) {
    let s = j;
    while (this.isOp(s - 1, '.') && this.sig[s - 2] && (this.sig[s - 2].type === TokenType.IDENT || this.sig[s - 2].type === TokenType.QIDENT)) s -= 2;
    return s;
  }

  /** True when the token at k, if it is `-`/`+`, is a unary sign (not a binary operator). */
  isUnarySign(k) {
    if (!this.isOp(k, '-') && !this.isOp(k, '+')) return false;
    const p = this.sig[k - 1];
    if (!p) return true;
    if (p.type === TokenType.OP) return p.text !== ')' && p.text !== ']';
    return p.type === TokenType.IDENT && NON_FUNCTION_KEYWORDS.has(p.lower);
  }

  /**
   * Start of the left operand of the binary operator at `op`, for an operator of the
   * given precedence level: 'mul' (* / %) or 'add' (+ - and the mul level).
   */
  leftOperandStart(op, level) {
    const chain = level === 'add' ? ['*', '/', '%', '+', '-'] : ['*', '/', '%'];
    let j = op - 1;
    for (;;) {
      let s = this.primaryStart(j);
      while (this.isUnarySign(s - 1)) s--;
      const p = this.sig[s - 1];
      if (p && p.type === TokenType.OP && chain.includes(p.text) && !this.isUnarySign(s - 1)) {
        j = s - 2;
        continue;
      }
      return s;
    }
  }

  /** End (exclusive) of the right operand of the binary operator at `op` ('mul' level). */
  rightOperandEnd(op) {
    return this.primaryEnd(op + 1);
  }
}

function matchBrackets(sig) {
  const match = [];
  const stack = [];
  for (let k = 0; k < sig.length; k++) {
    const t = sig[k];
    if (t.type !== TokenType.OP) continue;
    if (t.text === '(' || t.text === '[') stack.push(k);
    else if (t.text === ')' || t.text === ']') {
      const o = stack.pop();
      const want = t.text === ')' ? '(' : '[';
      if (o === undefined || sig[o].text !== want) throw new SqlSyntaxError(`mismatched input '${t.text}'`, t.start);
      match[o] = k;
      match[k] = o;
    }
  }
  if (stack.length) throw new SqlSyntaxError(`mismatched input '<EOF>': unclosed '${sig[stack[stack.length - 1]].text}'`, sig[stack[stack.length - 1]].start);
  return match;
}

module.exports = { TokenView, NON_FUNCTION_KEYWORDS };
