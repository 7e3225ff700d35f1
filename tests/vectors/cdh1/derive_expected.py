#!/usr/bin/env python3
"""How the expected values of these CDH-1 vectors were derived — independently of both implementations.

Each cell below is NULL (None) or a pair (text as Athena renders it, canonical text written BY HAND from the table in
docs/evidence-format.md). This script only writes the CSV files (data-file dialect) and frames the hand-written
canonical texts as CDH-1 specifies ("CDH-1\\n", header, 0x00 / 0x01 + uint32 BE length + UTF-8) to compute
dataset_sha256 into manifest.json. It never canonicalises a value itself, except where noted for a few binary64 and
binary32 bit patterns, which it computes exactly (correctly rounded parse; exact rational rounding for binary32).

Run from anywhere: python3 tests/vectors/cdh1/derive_expected.py   (rewrites the .csv files and manifest.json here)
"""
import hashlib
import json
import os
import struct
from fractions import Fraction

OUT = os.path.dirname(os.path.abspath(__file__))


def dbits(x):
    """binary64 bits of a Python float (Python parses decimal text correctly rounded)."""
    return struct.pack('>d', x).hex()


def f32_widened(text):
    """Nearest binary32 (ties to even) of the exact decimal value, widened to binary64, by exact rational rounding."""
    q = Fraction(text)
    neg = q < 0
    q = abs(q)
    if q == 0:
        return dbits(-0.0 if neg else 0.0)
    e = q.numerator.bit_length() - q.denominator.bit_length()
    while Fraction(2) ** e > q:
        e -= 1
    while Fraction(2) ** (e + 1) <= q:
        e += 1
    e = max(e, -126)
    ulp = Fraction(2) ** (e - 23)
    m = q / ulp
    n = m.numerator // m.denominator
    r = m - n
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and n % 2 == 1):
        n += 1
    v = n * ulp
    if v >= Fraction(2) ** 128:
        raise ValueError("overflow")
    return dbits(-float(v) if neg else float(v))


def V(raw, canon=None):
    return (raw, raw if canon is None else canon)


N = None
vectors = []


def vec(name, covers, columns, rows):
    vectors.append(dict(name=name, covers=covers, columns=columns, rows=rows))


vec("strings", "varchar, varchar(n), char(n), string: NULL vs empty string, quotes, commas, LF and CR LF inside values, non-ASCII, spaces kept",
    [("s", "varchar"), ("c", "char(5)"), ("t", "string"), ("v", "varchar(10)")],
    [
        [N, V(""), V("NULL"), V("null")],
        [V(""), N, V(""), N],
        [V('say "hi", ok'), V("a,b  "), V('""'), V('"')],
        [V("line one\nline two"), V("cr\r\nlf"), V("\n"), V(",")],
        [V("Zoë – 東京 🚀"), V("ÅÄÖ  "), V("e\u0301 vs \u00e9"), V("\u00a0nbsp")],
        [V("  padded  "), V("\t"), V("'single'"), V("a\"b,c\nd")],
    ])

vec("integers", "tinyint, smallint, integer, int, bigint: zero, negative zero, limits, leading zeros",
    [("ti", "tinyint"), ("si", "smallint"), ("i", "integer"), ("n", "int"), ("bi", "bigint")],
    [
        [V("0"), V("0"), V("0"), V("0"), V("0")],
        [V("-128"), V("-32768"), V("-2147483648"), V("-2147483648"), V("-9223372036854775808")],
        [V("127"), V("32767"), V("2147483647"), V("2147483647"), V("9223372036854775807")],
        [V("-0", "0"), V("007", "7"), V("-007", "-7"), N, V("-1")],
        [N, N, N, N, N],
        [V("42"), V("-42"), V("1000000"), V("-1000000"), V("1234567890123")],
    ])

vec("decimals", "decimal(p,s): full scale, negative zero, scale 0, 38 digits, short scale padded, leading zeros",
    [("amount", "decimal(38,2)"), ("whole", "decimal(10,0)"), ("fine", "decimal(38,10)"), ("small", "decimal(5,2)")],
    [
        [V("0.00"), V("0"), V("0.0000000000"), V("0.00")],
        [V("-0.00", "0.00"), V("-0", "0"), V("-0.0000000000", "0.0000000000"), V("-0.00", "0.00")],
        [V("123456789012345678901234567890123456.78"), V("9999999999"), V("1234567890123456789012345678.0123456789"), V("-123.45")],
        [V("-1.50"), V("-42"), V("0.0000000001"), V("999.99")],
        [V("1.5", "1.50"), V("007", "7"), V("1", "1.0000000000"), V("00.50", "0.50")],
        [V("-99999999999999999999999999999999999.99"), N, V("-0.5000000000"), V("-0.01")],
        [N, N, N, N],
    ])

vec("floating", "double, real, float (Athena's name for real): -0.0, NaN, Infinity, -Infinity, real widened to binary64, limits, subnormals",
    [("d", "double"), ("r", "real"), ("f", "float")],
    [
        [V("1.5", "3ff8000000000000"), V("1.5", "3ff8000000000000"), V("1.5", "3ff8000000000000")],
        [V("-0.0", "0000000000000000"), V("-0.0", "0000000000000000"), V("-0.0", "0000000000000000")],
        [V("0.0", "0000000000000000"), V("0.0", "0000000000000000"), V("0.0", "0000000000000000")],
        [V("NaN", "7ff8000000000000"), V("NaN", "7ff8000000000000"), V("NaN", "7ff8000000000000")],
        [V("Infinity", "7ff0000000000000"), V("Infinity", "7ff0000000000000"), V("Infinity", "7ff0000000000000")],
        [V("-Infinity", "fff0000000000000"), V("-Infinity", "fff0000000000000"), V("-Infinity", "fff0000000000000")],
        [V("0.1", "3fb999999999999a"), V("0.1", "3fb99999a0000000"), V("0.1", "3fb99999a0000000")],
        [V("1.0E20", "4415af1d78b58c40"), V("3.4028235E38", "47efffffe0000000"), V("1.4E-45", "36a0000000000000")],
        [V("-2.5E-7", dbits(-2.5e-7)), V("-2.5E-7", f32_widened("-2.5E-7")), N],
        [V("4.9E-324", "0000000000000001"), V("1.17549435E-38", "3810000000000000"), V("123456.79", f32_widened("123456.79"))],
        [V("1.7976931348623157E308", "7fefffffffffffff"), N, V("-1.0", "bff0000000000000")],
        [V("2.2250738585072014E-308", "0010000000000000"), V("16777217", f32_widened("16777217")), V("3.0E-39", f32_widened("3.0E-39"))],
    ])

# Just below the midpoint 1 + 3*2^-24 of the binary32 values 1 + 2^-23 and 1 + 2^-22: the nearest binary32 is
# 1 + 2^-23 (3ff0000020000000 widened). Rounding to binary64 first lands exactly on the midpoint, and ties-to-even
# then gives 1 + 2^-22 (3ff0000040000000) — the wrong answer an implementation that parses real as double would give.
vec("real_double_rounding", "real is rounded once, from the decimal text to binary32, never via binary64",
    [("r", "real")],
    [[V("1.00000017881393432617187499", "3ff0000020000000")]])

vec("boolean_date", "boolean and date: true/false, leap day, first and last dates",
    [("ok", "boolean"), ("day", "date")],
    [
        [V("true"), V("2024-02-29")],
        [V("false"), V("0001-01-01")],
        [N, V("9999-12-31")],
        [V("true"), N],
    ])

vec("timestamps", "timestamp (3 digits), timestamp(0), timestamp(6), timestamp(9): fraction kept without trailing zeros, dropped when zero",
    [("t", "timestamp"), ("t0", "timestamp(0)"), ("t6", "timestamp(6)"), ("t9", "timestamp(9)")],
    [
        [V("2025-09-30 23:59:59.120", "2025-09-30T23:59:59.12"), V("2025-09-30 23:59:59", "2025-09-30T23:59:59"),
         V("2025-09-30 23:59:59.123456", "2025-09-30T23:59:59.123456"), V("2025-09-30 23:59:59.123456789", "2025-09-30T23:59:59.123456789")],
        [V("2025-10-01 00:00:00.000", "2025-10-01T00:00:00"), V("2025-10-01 00:00:00", "2025-10-01T00:00:00"),
         V("2025-10-01 00:00:00.000000", "2025-10-01T00:00:00"), V("2025-10-01 00:00:00.000000000", "2025-10-01T00:00:00")],
        [V("2024-02-29 12:00:00.001", "2024-02-29T12:00:00.001"), N,
         V("2024-02-29 12:00:00.100000", "2024-02-29T12:00:00.1"), V("2000-01-01 00:00:00.000000010", "2000-01-01T00:00:00.00000001")],
        [V("0001-01-01 00:00:00.000", "0001-01-01T00:00:00"), V("9999-12-31 23:59:59", "9999-12-31T23:59:59"), N, N],
    ])

vec("other_types", "array, map, row, json, varbinary, time, timestamp with time zone, interval: the text exactly as Athena rendered it",
    [("a", "array(integer)"), ("m", "map(varchar,integer)"), ("r", "row(ainteger,bvarchar)"), ("j", "json"),
     ("b", "varbinary"), ("tm", "time"), ("tz", "timestampwithtimezone"), ("iv", "intervaldaytosecond")],
    [
        [V("[1, 2, 3]"), V("{a=1, b=2}"), V("{a=1, b=x}"), V('{"k": [1, 2], "s": "é"}'), V("68 65 6c 6c 6f"),
         V("10:00:00.000"), V("2025-09-30 23:59:59.999 UTC"), V("1 02:03:04.000")],
        [V("[]"), V("{}"), N, V("null"), N, V("23:59:59.999"), V("2025-10-01 02:00:00.000 Europe/Berlin"), V("-0 00:00:00.000")],
        [N, N, N, N, N, N, N, N],
    ])

vec("empty_result", "header only, no rows", [("id", "bigint"), ("name", "varchar")], [])

vec("single_column_nulls", "one column: a NULL row is an empty line; NULL vs empty string",
    [("v", "varchar")],
    [[N], [V("")], [N], [V("x")]])

vec("unicode_names", "non-ASCII column names in the header, types kept as declared",
    [("montant_€", "decimal(12,2)"), ("Größe", "integer"), ("名前", "varchar")],
    [
        [V("1234.50"), V("3"), V("山田")],
        [V("-0.10"), N, V("")],
    ])

vec("general_ledger", "a small GL extract as an IPE returns it: mixed types in one row",
    [("journal_id", "varchar"), ("line_no", "integer"), ("account", "varchar"), ("amount", "decimal(38,2)"),
     ("posted", "date"), ("created_at", "timestamp"), ("approved", "boolean"), ("fx_rate", "double")],
    [
        [V("JE-0001"), V("1"), V("400100"), V("1250.00"), V("2025-09-30"), V("2025-09-30 17:45:12.345", "2025-09-30T17:45:12.345"), V("true"), V("1.0", "3ff0000000000000")],
        [V("JE-0001"), V("2"), V("200000"), V("-1250.00"), V("2025-09-30"), V("2025-09-30 17:45:12.345", "2025-09-30T17:45:12.345"), V("true"), V("1.0", "3ff0000000000000")],
        [V("JE-0002"), V("1"), V("610000"), V("99.99"), V("2025-09-29"), V("2025-09-29 08:00:00.000", "2025-09-29T08:00:00"), V("false"), V("1.1047", dbits(1.1047))],
        [V("JE-0002"), V("2"), V("200000"), V("-99.99"), V("2025-09-29"), N, N, N],
    ])

INVALID = [
    ("invalid_decimal_scale", "a decimal with more digits after the point than its scale is an error, never rounded", [("amount", "decimal(38,2)")], '"amount"\n"1.00"\n"1.234"\n'),
    ("invalid_date", "a date that is not a calendar date", [("day", "date")], '"day"\n"2025-02-29"\n'),
    ("invalid_integer_range", "a tinyint outside -128..127", [("n", "tinyint")], '"n"\n"128"\n'),
    ("invalid_timestamp_precision", "more fractional digits than the timestamp's precision", [("t", "timestamp(0)")], '"t"\n"2025-01-01 00:00:00.5"\n'),
    ("invalid_boolean", "booleans are exactly true or false", [("b", "boolean")], '"b"\n"TRUE"\n'),
    ("invalid_unquoted_value", "a non-NULL value outside double quotes is not the data-file dialect", [("s", "varchar")], '"s"\nabc\n'),
    ("invalid_crlf", "line ends are LF only", [("s", "varchar")], '"s"\r\n"a"\r\n'),
    ("invalid_missing_final_newline", "every line, the last one too, ends with LF", [("s", "varchar")], '"s"\n"a"'),
]


def csv_field(raw):
    return '"' + raw.replace('"', '""') + '"'


def cdh1(columns, rows):
    h = hashlib.sha256()
    h.update(b"CDH-1\n")
    for name, typ in columns:
        h.update(name.encode() + b":" + typ.encode() + b"\n")
    h.update(b"\n")
    for row in rows:
        for cell in row:
            if cell is None:
                h.update(b"\x00")
            else:
                t = cell[1].encode("utf-8")
                h.update(b"\x01" + len(t).to_bytes(4, "big") + t)
    return h.hexdigest()


def main():
    manifest = {"format": "cdh1-vectors/1",
                "description": "CDH-1 test vectors: Athena-CSV data files with their declared column types and expected dataset_sha256 (docs/evidence-format.md). Expected values were derived from the specification with hand-written canonical texts (derive_expected.py), independently of both implementations.",
                "vectors": []}
    for v in vectors:
        fn = v["name"] + ".csv"
        lines = [",".join(csv_field(n) for n, _ in v["columns"])]
        for row in v["rows"]:
            assert len(row) == len(v["columns"])
            lines.append(",".join("" if c is None else csv_field(c[0]) for c in row))
        with open(os.path.join(OUT, fn), "wb") as f:
            f.write("".join(line + "\n" for line in lines).encode("utf-8"))
        manifest["vectors"].append({"name": v["name"], "file": fn, "covers": v["covers"],
                                    "columns": [{"name": n, "type": t} for n, t in v["columns"]],
                                    "rows": len(v["rows"]), "dataset_sha256": cdh1(v["columns"], v["rows"])})
    for name, covers, columns, text in INVALID:
        fn = name + ".csv"
        with open(os.path.join(OUT, fn), "wb") as f:
            f.write(text.encode("utf-8"))
        manifest["vectors"].append({"name": name, "file": fn, "covers": covers,
                                    "columns": [{"name": n, "type": t} for n, t in columns], "expect_error": True})
    with open(os.path.join(OUT, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
