'use strict';
// DuckDB SQL macros that give Trino semantics and Athena's value notation.
//
// They are created once per emulator in the `awsdatacatalog.main` schema (on the
// search path of every query connection). Macros are inlined by DuckDB's binder,
// so they cost nothing per call and run vectorised and in parallel, which is what
// keeps a 5,000,000-row result fast (no per-row JavaScript).

const MACROS = `
-- ---------------------------------------------------------------------------
-- Java's Double.toString / Float.toString notation (what Athena shows for double
-- and real): decimal notation with at least one fractional digit when
-- 1e-3 <= |x| < 1e7, otherwise d.dddE<exp>. The digits are DuckDB's shortest
-- round-trip digits (its VARCHAR cast), which are also what Java prints.
-- DuckDB renders 1e20 as '1e+20', 0.0001 as '0.0001', 1e7 as '10000000.0'.

-- Layout of significant digits d (no leading/trailing zeros) with decimal exponent x
-- (value = d[1].d[2..] * 10^x).
CREATE OR REPLACE MACRO athena__num_layout(d, x) AS
  CASE
    WHEN d = '' THEN '0.0'
    WHEN x >= 7 OR x < -3 THEN
      left(d, 1) || '.' || CASE WHEN length(d) > 1 THEN substr(d, 2) ELSE '0' END || 'E' || x::VARCHAR
    WHEN x >= 0 THEN
      CASE WHEN length(d) >= x + 1 THEN left(d, x + 1) ELSE d || repeat('0', x + 1 - length(d)) END
      || '.' || CASE WHEN length(d) > x + 1 THEN substr(d, x + 2) ELSE '0' END
    ELSE '0.' || repeat('0', -x - 1) || d
  END;

-- body: DuckDB's text of |x| ('123.45', '12345678.0', '1e+20', '1.5e-07').
-- Macros are inlined, so every reference to a parameter repeats its expression;
-- the single-element list_transform calls bind intermediate values once (a lambda
-- parameter) instead of re-computing them in every branch of the layout.
CREATE OR REPLACE MACRO athena__java_digits(body) AS
  list_transform([struct_pack(m := split_part(body, 'e', 1),
                              ex := CASE WHEN contains(body, 'e') THEN split_part(body, 'e', 2)::INTEGER ELSE 0 END)],
    lambda a: list_transform([struct_pack(raw := replace(a.m, '.', ''), p := length(split_part(a.m, '.', 1)) + a.ex)],
      lambda b: list_transform([struct_pack(d := trim(b.raw, '0'), x := b.p - (length(b.raw) - length(ltrim(b.raw, '0'))) - 1)],
        lambda c: athena__num_layout(c.d, c.x))[1])[1])[1];

-- s: DuckDB's text of v. Java and DuckDB agree for 1e-3 <= |v| < 1e7 (plain notation,
-- shortest digits, '.0' for whole numbers), which is where most values are: those
-- are used as they are; only the others are re-laid out.
CREATE OR REPLACE MACRO athena__java_number(s, v) AS
  CASE
    WHEN v IS NULL THEN NULL
    WHEN isnan(v) THEN 'NaN'
    WHEN isinf(v) THEN CASE WHEN v > 0 THEN 'Infinity' ELSE '-Infinity' END
    WHEN abs(v) >= 0.001 AND abs(v) < 10000000 THEN s
    ELSE CASE WHEN starts_with(s, '-') THEN '-' ELSE '' END || athena__java_digits(ltrim(s, '-'))
  END;

CREATE OR REPLACE MACRO athena_fmt_double(x) AS athena__java_number((x)::DOUBLE::VARCHAR, (x)::DOUBLE);
CREATE OR REPLACE MACRO athena_fmt_real(x) AS athena__java_number((x)::FLOAT::VARCHAR, (x)::FLOAT);

-- timestamp(3): always three fractional digits; finer precision is rounded to the
-- millisecond like Trino's cast to timestamp(3).
CREATE OR REPLACE MACRO athena_fmt_ts(x) AS
  strftime((x)::TIMESTAMP_MS::TIMESTAMP, '%Y-%m-%d %H:%M:%S.%g');
CREATE OR REPLACE MACRO athena_fmt_tstz(x) AS
  strftime(timezone('UTC', x)::TIMESTAMP_MS::TIMESTAMP, '%Y-%m-%d %H:%M:%S.%g') || ' UTC';
CREATE OR REPLACE MACRO athena_fmt_time(x) AS
  strftime(DATE '1970-01-01' + (x), '%H:%M:%S.%g');
-- varbinary: space-separated lower-case hex bytes ('01 02')
CREATE OR REPLACE MACRO athena_fmt_varbinary(x) AS
  rtrim(regexp_replace(lower(hex(x)), '(..)', '\\1 ', 'g'));

-- ---------------------------------------------------------------------------
-- Date/time functions with Trino's result types

CREATE OR REPLACE MACRO athena__interval(u, n) AS
  CASE lower(u)
    WHEN 'millisecond' THEN to_milliseconds(n)
    WHEN 'second' THEN to_seconds(n)
    WHEN 'minute' THEN to_minutes(n)
    WHEN 'hour' THEN to_hours(n)
    WHEN 'day' THEN to_days(n)
    WHEN 'week' THEN to_weeks(n)
    WHEN 'month' THEN to_months(n)
    WHEN 'quarter' THEN to_months(n * 3)
    WHEN 'year' THEN to_years(n)
    ELSE error('INVALID_FUNCTION_ARGUMENT: ''' || u || ''' is not a valid TIMESTAMP field')
  END;

-- date_add(unit, n, x): a date stays a date (DuckDB's date + interval is a timestamp)
CREATE OR REPLACE MACRO athena_date_add(u, n, x DATE) AS
    CASE WHEN lower(u) IN ('millisecond', 'second', 'minute', 'hour')
      THEN error('INVALID_FUNCTION_ARGUMENT: ''' || u || ''' is not a valid DATE field')
      ELSE CAST(x + athena__interval(u, n) AS DATE) END,
  (u, n, x TIMESTAMP) AS x + athena__interval(u, n),
  (u, n, x TIMESTAMP WITH TIME ZONE) AS x + athena__interval(u, n);

-- date_trunc(unit, x): a date stays a date
CREATE OR REPLACE MACRO athena_date_trunc(u, x DATE) AS CAST(date_trunc(u, x) AS DATE),
  (u, x TIMESTAMP) AS date_trunc(u, x),
  (u, x TIMESTAMP WITH TIME ZONE) AS date_trunc(u, x);

-- date_diff(unit, a, b): whole units elapsed from a to b (Joda-Time semantics, e.g.
-- 2025-01-31 -> 2025-02-28 is 1 month), which is what DuckDB's datesub computes.
CREATE OR REPLACE MACRO athena_date_diff(u, a, b) AS datesub(u, a, b);

CREATE OR REPLACE MACRO athena_date_plus(d, i) AS CAST(d + i AS DATE);
CREATE OR REPLACE MACRO athena_date_minus(d, i) AS CAST(d - i AS DATE);

-- sequence(start, stop[, step]): inclusive; dates stay dates (default step: 1 day).
-- Date elements are start + i * step like Trino (2025-01-31 + 1 month steps gives
-- 02-28, 03-31, 04-30), not DuckDB's running sum (02-28, 03-28, 04-28).
CREATE OR REPLACE MACRO athena_sequence(a BIGINT, b BIGINT) AS generate_series(a, b),
  (a BIGINT, b BIGINT, s BIGINT) AS generate_series(a, b, s),
  (a DATE, b DATE) AS list_transform(generate_series(a::TIMESTAMP, b::TIMESTAMP, CASE WHEN a <= b THEN INTERVAL '1 day' ELSE INTERVAL '-1 day' END), lambda x: x::DATE),
  (a DATE, b DATE, s INTERVAL) AS
    list_transform(
      list_filter(range(0, abs(datesub('day', a, b)) + 1), lambda i: CASE WHEN a <= b THEN a + s * i <= b ELSE a + s * i >= b END),
      lambda i: (a + s * i)::DATE),
  (a TIMESTAMP, b TIMESTAMP, s INTERVAL) AS generate_series(a, b, s);

-- ---------------------------------------------------------------------------
-- Strings, regular expressions, arrays

-- substr with Trino's rules: start 0 or a start before the string gives ''
CREATE OR REPLACE MACRO athena_substr(s, st) AS
    CASE WHEN s IS NULL OR st IS NULL THEN NULL
         WHEN st = 0 THEN ''
         WHEN st > 0 THEN substr(s, st)
         WHEN length(s) + st < 0 THEN ''
         ELSE substr(s, length(s) + st + 1) END,
  (s, st, ln) AS
    CASE WHEN s IS NULL OR st IS NULL OR ln IS NULL THEN NULL
         WHEN st = 0 OR ln <= 0 THEN ''
         WHEN st > 0 THEN substr(s, st, ln)
         WHEN length(s) + st < 0 THEN ''
         ELSE substr(s, length(s) + st + 1, ln) END;

-- regexp_extract: NULL (not '') when there is no match
CREATE OR REPLACE MACRO athena_regexp_extract(s, p, g) AS
  CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p, g) END;

-- contains(array, x): NULL when x is NULL, or when x is absent and the array holds a NULL
CREATE OR REPLACE MACRO athena_contains(a, x) AS
  CASE WHEN a IS NULL OR x IS NULL THEN NULL
       WHEN list_contains(a, x) THEN true
       WHEN list_contains(list_transform(a, lambda e: e IS NULL), true) THEN NULL
       ELSE false END;

-- ---------------------------------------------------------------------------
-- Arithmetic with Trino semantics (used by sql-types.js)

-- integer division and modulus: division by zero is an error (DuckDB returns NULL)
CREATE OR REPLACE MACRO athena_idiv(a, b) AS
  CASE WHEN b = 0 THEN error('DIVISION_BY_ZERO: Division by zero') ELSE a // b END;
CREATE OR REPLACE MACRO athena_imod(a, b) AS
  CASE WHEN b = 0 THEN error('DIVISION_BY_ZERO: Division by zero') ELSE a % b END;

-- unscaled integer value of a decimal with scale s, f = 10^s
CREATE OR REPLACE MACRO athena_unscaled(x, f) AS CAST((x) * f AS HUGEINT);

-- n / d rounded half away from zero (Trino's HALF_UP for decimals)
CREATE OR REPLACE MACRO athena_rdiv(n, d) AS
  CASE WHEN n IS NULL OR d IS NULL THEN NULL
       WHEN d = 0 THEN error('DIVISION_BY_ZERO: Division by zero')
       ELSE sign(n)::HUGEINT * sign(d)::HUGEINT * ((abs(n) * 2 // abs(d) + 1) // 2) END;
`;

module.exports = { MACROS };
