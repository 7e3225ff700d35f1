'use strict';
// The Trino -> DuckDB compatibility layer, part 2: type-dependent fix-ups.
//
// Where DuckDB's typing differs from Trino's in ways that change results, the right
// rewrite depends on operand types, which only the binder knows. So we ask it:
//   1. find the type-sensitive sites in the (already translated) SQL by tokens:
//      binary `/` and `%`, avg(...), round(...), CAST/TRY_CAST(... AS VARCHAR),
//      `<expr> +/- INTERVAL ...`;
//   2. build a probe: the same SQL with every operand of interest wrapped as
//      `list_value(<operand>)[1]` (same type, same value), and let DuckDB bind it
//      with json_serialize_plan; the list_value node at each wrapper's offset
//      carries the operand's exact type;
//   3. rewrite the sites whose operand types need it; repeat, because a fix can
//      change the type of an enclosing site (decimal / decimal / decimal).
//
// Fix-ups (Trino semantics):
//   integer / integer       -> integer division, error on division by zero
//   decimal / decimal|int   -> exact decimal(min(38, p1 + s2 + max(s2 - s1, 0)), max(s1, s2)),
//                              rounded half up (DuckDB: double)
//   % on integers/decimals  -> same rules (Trino's precision for decimal modulus)
//   avg(decimal(p,s))       -> exact decimal(p,s), rounded half up (DuckDB: double)
//   avg(real)               -> real (DuckDB: double)
//   round(decimal(p,s)[,d]) -> keeps scale s: decimal(p+1, s) (DuckDB: scale d)
//   CAST(double|real|timestamp|... AS varchar) -> Athena's text (1.0E20, '.000' ms)
//   date +/- INTERVAL       -> date (DuckDB: timestamp)

const { TokenType } = require('./sql-tokenizer');
const { TokenView } = require('./sql-expr');
const { fromPlanType, isInteger, isDecimal, isFloating, decimalShape, renderSql, TIMESTAMP_IDS } = require('./render');
const { QueryError } = require('./errors');

const MAX_ROUNDS = 6;
const pow10 = (n) => `1${'0'.repeat(n)}`;
const ulp = (s) => `0.${'0'.repeat(s - 1)}1`; // 10^-s as a literal of scale s
const fromUnscaled = (q, p, s) =>
  (s === 0 ? `CAST(${q} AS DECIMAL(${p},0))` : `CAST(CAST(${q} AS DECIMAL(38,0)) * ${ulp(s)} AS DECIMAL(${p},${s}))`);

/** Find the type-sensitive sites of the SQL in view v. */
function findSites(v) {
  const sites = [];
  const n = v.sig.length;
  for (let k = 0; k < n; k++) {
    const t = v.tok(k);
    if (t.type === TokenType.OP && (t.text === '/' || t.text === '%')) {
      const a = v.leftOperandStart(k, 'mul');
      const b = v.rightOperandEnd(k);
      sites.push({ kind: t.text === '/' ? 'div' : 'mod', start: a, end: b, operands: [[a, k], [k + 1, b]], op: k });
    } else if (t.type === TokenType.OP && (t.text === '+' || t.text === '-') && !v.isUnarySign(k) && v.isWord(k + 1, 'interval')) {
      const a = v.leftOperandStart(k, 'add');
      const b = v.rightOperandEnd(k);
      sites.push({ kind: t.text === '+' ? 'date_plus' : 'date_minus', start: a, end: b, operands: [[a, k]], extra: [k + 1, b] });
    } else if (t.type === TokenType.IDENT && v.isOp(k + 1, '(') && !v.isOp(k - 1, '.')) {
      const open = k + 1;
      const close = v.match[open];
      const args = v.args(open);
      if (t.lower === 'avg' && args.length === 1) {
        let [a, b] = args[0];
        const distinct = v.isWord(a, 'distinct');
        if (distinct || v.isWord(a, 'all')) a++;
        sites.push({ kind: 'avg', start: k, end: v.primaryEnd(k), operands: [[a, b]], distinct, close });
      } else if (t.lower === 'round' && (args.length === 1 || args.length === 2)) {
        sites.push({ kind: 'round', start: k, end: close + 1, operands: [args[0]], digits: args[1] });
      } else if ((t.lower === 'cast' || t.lower === 'try_cast') && args.length === 1) {
        let as = -1;
        for (let j = open + 1; j < close; j++) {
          if (v.match[j] !== undefined && v.match[j] > j) j = v.match[j];
          else if (v.isWord(j, 'as')) as = j;
        }
        if (as > open && as + 2 === close && v.isWord(as + 1, 'varchar')) {
          sites.push({ kind: 'cast', start: k, end: close + 1, operands: [[open + 1, as]] });
        }
      }
    }
  }
  return sites;
}

/**
 * Probe SQL: every operand range wrapped as list_value(...)[1]. Returns the text and,
 * for each wrapper, the UTF-8 byte offset of its `list_value` (json_serialize_plan
 * reports byte offsets).
 */
function buildProbe(v, ranges) {
  const opens = new Map();
  const closes = new Map();
  ranges.forEach((r, id) => {
    if (!opens.has(r[0])) opens.set(r[0], []);
    opens.get(r[0]).push({ id, end: r[1] });
    if (!closes.has(r[1])) closes.set(r[1], []);
    closes.get(r[1]).push({ id, start: r[0] });
  });
  let text = '';
  let bytes = 0;
  const offsets = new Array(ranges.length);
  const put = (s) => {
    text += s;
    bytes += Buffer.byteLength(s);
  };
  for (let k = 0; k < v.sig.length; k++) {
    put(v.tok(k).gap);
    for (const o of (opens.get(k) || []).sort((x, y) => y.end - x.end || x.id - y.id)) {
      offsets[o.id] = bytes;
      put('list_value(');
    }
    put(v.tok(k).text);
    for (const c of (closes.get(k + 1) || []).sort((x, y) => y.start - x.start || y.id - x.id)) {
      put(')[1]');
      void c;
    }
  }
  return { sql: text, offsets };
}

/** Map byte offset -> type descriptor of every list_value node in a serialized plan. */
function listValueTypes(plan) {
  const types = new Map();
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.name === 'list_value' && node.expression_class === 'BOUND_FUNCTION' && node.return_type?.type_info?.child_type) {
        types.set(node.query_location, fromPlanType(node.return_type.type_info.child_type));
      }
      for (const key of Object.keys(node)) walk(node[key]);
    }
  };
  walk(plan);
  return types;
}

/** Decide the fix for a site given its operand types; returns a template function or null. */
function planFix(site, types) {
  const [t1, t2] = types;
  if (!t1 || (site.operands.length > 1 && !t2)) return null;
  switch (site.kind) {
    case 'div':
    case 'mod': {
      if (isFloating(t1) || isFloating(t2)) return null;
      if (isInteger(t1) && isInteger(t2)) return ([l, r]) => `athena_${site.kind === 'div' ? 'idiv' : 'imod'}(${l}, ${r})`;
      if (!((isDecimal(t1) || isInteger(t1)) && (isDecimal(t2) || isInteger(t2)))) return null;
      const a = decimalShape(t1);
      const b = decimalShape(t2);
      const rs = Math.max(a.s, b.s);
      if (site.kind === 'div') {
        const rp = Math.min(38, a.p + b.s + Math.max(b.s - a.s, 0));
        const k = rs + b.s - a.s;
        return ([l, r]) => fromUnscaled(`athena_rdiv(athena_unscaled(${l}, ${pow10(a.s)}) * ${pow10(k)}, athena_unscaled(${r}, ${pow10(b.s)}))`, rp, rs);
      }
      const rp = Math.min(38, Math.min(b.p - b.s, a.p - a.s) + rs);
      return ([l, r]) => fromUnscaled(
        `athena_imod(athena_unscaled(${l}, ${pow10(a.s)}) * ${pow10(rs - a.s)}, athena_unscaled(${r}, ${pow10(b.s)}) * ${pow10(rs - b.s)})`, rp, rs);
    }
    case 'avg': {
      if (isDecimal(t1)) {
        const { p, s } = decimalShape(t1);
        return ([x], { suffix, distinct }) => fromUnscaled(
          `athena_rdiv(athena_unscaled(sum(${distinct}${x})${suffix}, ${pow10(s)}), count(${distinct}${x})${suffix})`, p, s);
      }
      if (t1.id === 'FLOAT') return ([x], { suffix, distinct }) => `CAST("avg"(${distinct}${x})${suffix} AS REAL)`;
      return null;
    }
    case 'round': {
      if (!isDecimal(t1)) return null;
      const { p, s } = decimalShape(t1);
      return ([x], { digits }) => (digits === null
        ? `CAST("round"(${x}) AS DECIMAL(${Math.min(38, p - s + Math.min(s, 1))},0))`
        : `CAST("round"(${x}, ${digits}) AS DECIMAL(${Math.min(38, p + 1)},${s}))`);
    }
    case 'cast':
      if (isFloating(t1) || TIMESTAMP_IDS.has(t1.id) || ['TIMESTAMP_TZ', 'TIME', 'BLOB'].includes(t1.id) || (isDecimal(t1) && t1.width === t1.scale)) {
        return ([x]) => renderSql(`(${x})`, t1);
      }
      return null;
    case 'date_plus':
    case 'date_minus':
      if (t1.id !== 'DATE') return null;
      return ([d], { extra }) => `athena_${site.kind}(${d}, ${extra})`;
    default:
      return null;
  }
}

/** Rewrite the sites that have a fix; nested sites are rewritten inside their operands. */
function applyFixes(v, fixed) {
  const byStart = new Map(); // start token -> sites, outermost first
  for (const s of fixed) {
    if (!byStart.has(s.start)) byStart.set(s.start, []);
    byStart.get(s.start).push(s);
  }
  for (const list of byStart.values()) list.sort((x, y) => y.end - x.end);
  const active = new Set();
  const render = (a, b) => {
    let out = '';
    let k = a;
    while (k < b) {
      if (k > a) out += v.tok(k).gap;
      const site = (byStart.get(k) || []).find((s) => s.end <= b && !active.has(s));
      if (site) {
        active.add(site);
        const ops = site.operands.map((r) => render(r[0], r[1]));
        out += site.fix(ops, {
          suffix: site.kind === 'avg' && site.close + 1 < site.end ? v.tok(site.close + 1).gap + render(site.close + 1, site.end) : '',
          distinct: site.distinct ? 'DISTINCT ' : '',
          digits: site.digits ? render(site.digits[0], site.digits[1]) : null,
          extra: site.extra ? render(site.extra[0], site.extra[1]) : '',
        });
        active.delete(site);
        k = site.end;
      } else {
        out += v.tok(k).text;
        k++;
      }
    }
    return out;
  };
  return render(0, v.sig.length);
}

/**
 * Apply the type fix-ups to DuckDB SQL.
 * @param {string} sql
 * @param {(sql: string) => Promise<object>} planOf returns json_serialize_plan's parsed output
 * @returns {Promise<string>}
 */
async function fixTypes(sql, planOf) {
  let text = sql;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let v;
    let sites;
    try {
      v = new TokenView(text);
      sites = findSites(v);
    } catch (e) {
      // The SQL is valid (DuckDB bound it); failing to delimit an operand is a limit of
      // the emulator, not the user's error, and must not turn into a wrong result.
      throw new QueryError('NOT_SUPPORTED', `the local Athena emulator could not analyse this query for Trino's typing rules (${e.message})`);
    }
    if (sites.length === 0) return text;
    const ranges = [];
    for (const s of sites) s.ids = s.operands.map((r) => ranges.push(r) - 1);
    const probe = buildProbe(v, ranges);
    const plan = await planOf(probe.sql);
    if (plan.error) {
      throw new QueryError('NOT_SUPPORTED', `the local Athena emulator could not determine operand types for this query (${plan.error_message})`);
    }
    const types = listValueTypes(plan);
    const fixed = [];
    for (const s of sites) {
      const fix = planFix(s, s.ids.map((id) => types.get(probe.offsets[id])));
      if (fix) fixed.push({ ...s, fix });
    }
    if (fixed.length === 0) return text;
    text = applyFixes(v, fixed) + v.trailing;
  }
  return text;
}

module.exports = { fixTypes };
