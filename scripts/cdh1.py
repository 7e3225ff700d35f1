#!/usr/bin/env python3
"""Independent checker for SoxAuto evidence packages and the CDH-1 dataset hash.

Written from the published format (docs/evidence-format.md), not from SoxAuto's C# code, with the Python standard
library only, so that an auditor can check a package without trusting the soxauto binary.

    python3 scripts/cdh1.py PACKAGE.zip [PACKAGE_DIR ...]
        Verifies SHA256SUMS (every line, nothing missing, nothing unlisted), data_file_sha256, the CDH-1
        dataset_sha256 recomputed from data.csv.gz with the column types declared in 05_integrity_hash.json, the row
        count, and that 03_data_snapshot.csv is the header and first rows of the data. Exit 0 only when all hold.

    python3 scripts/cdh1.py --vector DATA.csv --columns 'id:bigint,amount:decimal(38,2)' [--expect HEX]
        Prints the CDH-1 hash and row count of one Athena-CSV file (plain or .gz).

    python3 scripts/cdh1.py --manifest tests/vectors/cdh1/manifest.json
        Checks every test vector of a manifest (expected hashes, and expected errors).

Exit codes: 0 all checks hold, 1 a mismatch or an unreadable package, 2 bad usage (e.g. a missing file).
"""

import argparse
import datetime
import gzip
import hashlib
import json
import os
import re
import struct
import sys
import zipfile
import zlib
from fractions import Fraction

CHUNK = 1 << 20
MAX_ROW_BYTES = 256 << 20
SNAPSHOT_ROWS = 100

ENTRIES = (
    "01_executed_query.sql",
    "02_query_parameters.json",
    "03_data_snapshot.csv",
    "04_data_summary.json",
    "05_integrity_hash.json",
    "06_validation_results.json",
    "07_execution_log.json",
    "data.csv.gz",
)
SUMS = "SHA256SUMS"
HASH_FILE = "05_integrity_hash.json"
SNAPSHOT_FILE = "03_data_snapshot.csv"

# A zip bomb guard: data.csv.gz may not expand to more than this many times its size (beyond a 64 MiB floor).
DEFAULT_MAX_RATIO = 250
EXPANSION_FLOOR = 64 << 20


class DataError(Exception):
    """The data is not in the data-file dialect, or a value is not of its declared type."""


# --------------------------------------------------------------------------------------------------------------------
# Declared types and canonical text (the CDH-1 table)
# --------------------------------------------------------------------------------------------------------------------

class ColumnType:
    """A declared column type: its hashed spelling (lower case, no spaces) and how its values are canonicalised."""

    def __init__(self, text):
        self.text = re.sub(r"\s+", "", text).lower()
        self.kind = "other"
        self.bits = 0
        self.precision = 0
        self.scale = 0
        m = re.fullmatch(r"([a-z]+)(?:\(([0-9,]*)\))?", self.text)
        if not m:
            return  # nested types (array(...), map(...), row(...)) and the like: kept as rendered
        name, args = m.group(1), m.group(2)
        numbers = [int(a) for a in args.split(",")] if args else []
        if name in ("varchar", "char", "string"):
            self.kind = "string"
        elif name in ("tinyint", "smallint", "integer", "int", "bigint") and not numbers:
            self.kind = "integer"
            self.bits = {"tinyint": 8, "smallint": 16, "bigint": 64}.get(name, 32)
        elif name == "decimal" and len(numbers) == 2:
            self.kind = "decimal"
            self.precision, self.scale = numbers
        elif name == "double" and not numbers:
            self.kind = "double"
        elif name in ("real", "float") and not numbers:
            # float is Athena's DDL name for real (IEEE binary32).
            self.kind = "real"
        elif name == "boolean" and not numbers:
            self.kind = "boolean"
        elif name == "date" and not numbers:
            self.kind = "date"
        elif name == "timestamp" and len(numbers) <= 1:
            self.kind = "timestamp"
            self.scale = numbers[0] if numbers else 3  # Athena's timestamp has millisecond precision


INTEGER_RE = re.compile(rb"-?[0-9]+")
DECIMAL_RE = re.compile(rb"([+-]?)([0-9]+)(?:\.([0-9]+))?")
FLOAT_RE = re.compile(rb"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
DATE_RE = re.compile(rb"([0-9]{4})-([0-9]{2})-([0-9]{2})")
TIMESTAMP_RE = re.compile(rb"([0-9]{4}-[0-9]{2}-[0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?")
NAN_BITS = "7ff8000000000000"


def binary64_hex(value):
    if value != value:
        return NAN_BITS
    if value == 0.0:
        value = 0.0  # -0.0 is written as 0.0
    return struct.pack(">d", value).hex()


def nearest_binary32(text):
    """The binary32 value nearest to the decimal text (ties to even), as a Python float (exact)."""
    approx = float(text)
    if approx != approx or approx in (float("inf"), float("-inf")):
        return approx
    try:
        candidate = struct.unpack(">f", struct.pack(">f", approx))[0]
    except OverflowError:
        return float("inf") if approx > 0 else float("-inf")
    # Rounding the decimal to binary64 first, then to binary32, can be off by one binary32 step: pick the nearest
    # of the candidate and its two neighbours, exactly.
    exact = Fraction(text.decode("ascii"))
    bits = struct.unpack(">I", struct.pack(">f", candidate))[0]
    best, best_bits, best_distance = candidate, bits, abs(Fraction(candidate) - exact)
    for neighbour_bits in (bits - 1, bits + 1):
        if not 0 <= neighbour_bits <= 0xFFFFFFFF:
            continue
        neighbour = struct.unpack(">f", struct.pack(">I", neighbour_bits))[0]
        if neighbour != neighbour or neighbour in (float("inf"), float("-inf")):
            continue
        distance = abs(Fraction(neighbour) - exact)
        if distance < best_distance or (distance == best_distance and neighbour_bits % 2 == 0 and best_bits % 2 == 1):
            best, best_bits, best_distance = neighbour, neighbour_bits, distance
    return best


def canonical(column_type, raw):
    """The canonical text (UTF-8 bytes) of a non-NULL value, or DataError when it is not of its declared type."""
    kind = column_type.kind
    if kind == "string":
        try:
            raw.decode("utf-8", "strict")
        except UnicodeDecodeError:
            raise DataError("the text is not valid UTF-8")
        return raw
    if kind == "other":
        return raw
    if kind == "integer":
        if not INTEGER_RE.fullmatch(raw):
            raise DataError(f"{raw[:40]!r} is not a {column_type.text}")
        value = int(raw)
        limit = 1 << (column_type.bits - 1)
        if not -limit <= value < limit:
            raise DataError(f"{raw[:40]!r} is outside the range of {column_type.text}")
        return str(value).encode("ascii")
    if kind == "decimal":
        m = DECIMAL_RE.fullmatch(raw)
        if not m:
            raise DataError(f"{raw[:40]!r} is not a plain decimal number")
        sign, whole, fraction = m.group(1), m.group(2), m.group(3) or b""
        if len(fraction) > column_type.scale:
            raise DataError(f"{raw[:40]!r} has more than {column_type.scale} digits after the point")
        whole = whole.lstrip(b"0") or b"0"
        if whole != b"0" and len(whole) > column_type.precision - column_type.scale:
            raise DataError(f"{raw[:40]!r} has too many digits for {column_type.text}")
        fraction = fraction.ljust(column_type.scale, b"0")
        negative = sign == b"-" and (whole != b"0" or fraction.strip(b"0"))
        text = whole + (b"." + fraction if column_type.scale > 0 else b"")
        return (b"-" + text) if negative else text
    if kind in ("double", "real"):
        if raw == b"NaN":
            return NAN_BITS.encode("ascii")
        if raw == b"Infinity":
            return binary64_hex(float("inf")).encode("ascii")
        if raw == b"-Infinity":
            return binary64_hex(float("-inf")).encode("ascii")
        if not FLOAT_RE.fullmatch(raw):
            raise DataError(f"{raw[:40]!r} is not a {column_type.text}")
        value = float(raw) if kind == "double" else nearest_binary32(raw)
        return binary64_hex(value).encode("ascii")
    if kind == "boolean":
        if raw not in (b"true", b"false"):
            raise DataError(f"{raw[:40]!r} is not a boolean (true or false)")
        return raw
    if kind == "date":
        m = DATE_RE.fullmatch(raw)
        if not m or not valid_date(m.group(1), m.group(2), m.group(3)):
            raise DataError(f"{raw[:40]!r} is not a date (YYYY-MM-DD)")
        return raw
    if kind == "timestamp":
        m = TIMESTAMP_RE.fullmatch(raw)
        if not m:
            raise DataError(f"{raw[:40]!r} is not a {column_type.text}")
        day, hour, minute, second, fraction = m.groups()
        if not valid_date(day[:4], day[5:7], day[8:]) or int(hour) > 23 or int(minute) > 59 or int(second) > 59:
            raise DataError(f"{raw[:40]!r} is not a {column_type.text}")
        fraction = fraction or b""
        if len(fraction) > column_type.scale:
            raise DataError(f"{raw[:40]!r} has more than {column_type.scale} fractional digits")
        text = day + b"T" + hour + b":" + minute + b":" + second
        fraction = fraction.rstrip(b"0")
        return text + (b"." + fraction if fraction else b"")
    raise AssertionError(kind)


def valid_date(year, month, day):
    try:
        datetime.date(int(year), int(month), int(day))
        return True
    except ValueError:
        return False


# --------------------------------------------------------------------------------------------------------------------
# The data-file dialect: a strict, streaming reader
# --------------------------------------------------------------------------------------------------------------------

# One field and the separator after it: a quoted value ("" for a quote) or nothing (NULL), then a comma or LF.
FIELD_RE = re.compile(rb'"([^"]*(?:""[^"]*)*)"([,\n])|([,\n])')
QUOTED_PREFIX_RE = re.compile(rb'"[^"]*(?:""[^"]*)*')


class AthenaCsvReader:
    """Yields (fields, raw_line_bytes) per line; a field is bytes, or None for NULL. The first line is the header."""

    def __init__(self, stream, keep_raw_lines=SNAPSHOT_ROWS + 1):
        self.stream = stream
        self.keep_raw_lines = keep_raw_lines
        self.line = 0

    def lines(self):
        buf = b""
        pos = 0
        ended = False
        first = True
        while True:
            if not ended and (len(buf) - pos) < CHUNK:
                chunk = self.stream.read(CHUNK)
                ended = not chunk
                buf = buf[pos:] + chunk
                pos = 0
                if first and buf:
                    if buf.startswith(b"\xef\xbb\xbf"):
                        raise DataError("line 1: the data starts with a byte-order mark (UTF-8 without BOM expected)")
                    first = False
            if pos >= len(buf):
                if ended:
                    if self.line == 0:
                        raise DataError("the data is empty: there is no header line")
                    return
                continue
            fields, next_pos = self.parse_line(buf, pos, ended)
            if fields is None:  # the line continues in data not read yet
                if ended:
                    raise AssertionError("unreachable")
                if len(buf) - pos > MAX_ROW_BYTES:
                    raise DataError(f"line {self.line + 1}: a single line is longer than {MAX_ROW_BYTES >> 20} MiB")
                chunk = self.stream.read(CHUNK)
                ended = not chunk
                buf = buf[pos:] + chunk
                pos = 0
                continue
            self.line += 1
            raw = buf[pos:next_pos] if self.line <= self.keep_raw_lines else None
            pos = next_pos
            yield fields, raw

    def parse_line(self, buf, pos, ended):
        fields = []
        line = self.line + 1
        while True:
            m = FIELD_RE.match(buf, pos)
            if m is None:
                self.explain(buf, pos, ended, line)
                return None, pos  # needs more data
            if m.group(3) is not None:
                fields.append(None)
                separator = m.group(3)
            else:
                value = m.group(1)
                fields.append(value.replace(b'""', b'"') if b'""' in value else value)
                separator = m.group(2)
            pos = m.end()
            if separator == b"\n":
                return fields, pos

    @staticmethod
    def explain(buf, pos, ended, line):
        """Raises DataError when no more data could make the line valid; returns when more data is needed."""
        if pos >= len(buf):
            if ended:
                raise DataError(f"line {line}: the last line does not end with a line feed")
            return
        c = buf[pos:pos + 1]
        if c == b"\r":
            raise DataError(f"line {line}: a carriage return outside quotes (line ends must be LF only)")
        if c != b'"':
            raise DataError(f"line {line}: a value that is not in double quotes")
        end = QUOTED_PREFIX_RE.match(buf, pos).end()
        if end >= len(buf) or end + 1 >= len(buf):
            if ended:
                raise DataError(f"line {line}: a quoted value is not closed, or the last line does not end with a line feed")
            return
        raise DataError(f"line {line}: a closing quote is followed by something other than a comma or a line feed")


class ExpansionLimit:
    """Wraps a decompressing stream and fails once it has produced more than `limit` bytes (zip bomb guard)."""

    def __init__(self, stream, limit):
        self.stream = stream
        self.limit = limit
        self.produced = 0

    def read(self, size):
        data = self.stream.read(size)
        self.produced += len(data)
        if self.limit and self.produced > self.limit:
            raise DataError(f"data.csv.gz expands to more than {self.limit} bytes (zip bomb guard; see --max-ratio)")
        return data


def cdh1(stream, columns, expected_names=None):
    """CDH-1 of Athena-CSV data. columns: [(name, type text)]. Returns (hex digest, rows, snapshot prefix bytes)."""
    types = [ColumnType(t) for _, t in columns]
    digest = hashlib.sha256()
    digest.update(b"CDH-1\n")
    for (name, _), column_type in zip(columns, types):
        digest.update(name.encode("utf-8") + b":" + column_type.text.encode("utf-8") + b"\n")
    digest.update(b"\n")
    reader = AthenaCsvReader(stream)
    rows = 0
    snapshot = []
    lines = reader.lines()
    for fields, raw in lines:
        if raw is not None:
            snapshot.append(raw)
        if reader.line == 1:
            names = [f.decode("utf-8", "replace") if f is not None else None for f in fields]
            wanted = expected_names if expected_names is not None else [n for n, _ in columns]
            if names != wanted:
                raise DataError(f"line 1: the header {names} differs from the declared columns {wanted}")
            continue
        if len(fields) != len(types):
            raise DataError(f"line {reader.line}: {len(fields)} field(s) where the header has {len(types)}")
        rows += 1
        parts = []
        for value, column_type, (name, _) in zip(fields, types, columns):
            if value is None:
                parts.append(b"\x00")
                continue
            try:
                text = canonical(column_type, value)
            except DataError as error:
                raise DataError(f"row {rows}, column {name} ({column_type.text}): {error}")
            parts.append(b"\x01" + len(text).to_bytes(4, "big") + text)
        digest.update(b"".join(parts))
    return digest.hexdigest(), rows, b"".join(snapshot)


# --------------------------------------------------------------------------------------------------------------------
# Packages: a zip, or an unzipped folder
# --------------------------------------------------------------------------------------------------------------------

SAFE_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
SUMS_LINE_RE = re.compile(r"([0-9a-f]{64})  ([^\n]+)")


def unsafe_name_reason(name):
    if name == "":
        return "an empty name"
    if name.startswith("/") or name.startswith("\\") or re.match(r"[A-Za-z]:", name):
        return "an absolute path"
    if ".." in name or name.startswith("."):
        return "a relative path ('..' or a leading '.')"
    if "/" in name or "\\" in name:
        return "inside a folder (entries must be flat)"
    if len(name) > 200:
        return "longer than 200 characters"
    if not SAFE_NAME_RE.fullmatch(name):
        return "characters outside A-Z a-z 0-9 . _ -"
    return None


class Package:
    """Read access to the entries of a zip or a folder, refusing hostile names before anything is read."""

    def __init__(self, path):
        self.path = path
        self.zip = None
        if os.path.isdir(path):
            self.names = sorted(os.listdir(path))
            for name in self.names:
                if not os.path.isfile(os.path.join(path, name)):
                    raise DataError(f"{name!r} is not a regular file (entries must be flat files)")
        else:
            try:
                self.zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError, ValueError) as error:
                raise DataError(f"not a readable zip file: {error}")
            self.names = [info.filename for info in self.zip.infolist()]
            duplicates = sorted({n for n in self.names if self.names.count(n) > 1})
            if duplicates:
                raise DataError(f"duplicate entries: {', '.join(duplicates)}")
            for info in self.zip.infolist():
                if info.flag_bits & 0x1:
                    raise DataError(f"entry {info.filename!r} is encrypted")
        for name in self.names:
            reason = unsafe_name_reason(name)
            if reason:
                raise DataError(f"entry name {name!r} is {reason}")

    def open(self, name):
        if self.zip is not None:
            return self.zip.open(name)
        return open(os.path.join(self.path, name), "rb")

    def size(self, name):
        if self.zip is not None:
            return self.zip.getinfo(name).file_size
        return os.path.getsize(os.path.join(self.path, name))

    def read_small(self, name, limit=16 << 20):
        if self.size(name) > limit:
            raise DataError(f"{name} is larger than {limit} bytes")
        with self.open(name) as f:
            return f.read(limit + 1)

    def sha256(self, name):
        digest = hashlib.sha256()
        with self.open(name) as f:
            for chunk in iter(lambda: f.read(CHUNK), b""):
                digest.update(chunk)
        return digest.hexdigest()

    def close(self):
        if self.zip is not None:
            self.zip.close()


class Report:
    def __init__(self, out):
        self.out = out
        self.failures = 0

    def check(self, ok, what):
        self.out.write(("OK    " if ok else "FAIL  ") + what + "\n")
        if not ok:
            self.failures += 1
        return ok


def parse_sums(text, report):
    """Parses SHA256SUMS strictly (GNU format, LF, sorted, unique, flat names). Returns {name: hex} or None."""
    if not text.endswith("\n"):
        report.check(False, "SHA256SUMS: the last line does not end with a line feed")
        return None
    listed = {}
    previous = None
    for number, line in enumerate(text[:-1].split("\n"), start=1):
        m = SUMS_LINE_RE.fullmatch(line)
        if not m:
            report.check(False, f"SHA256SUMS line {number}: not '<64 lowercase hex>  <name>': {line[:80]!r}")
            return None
        digest, name = m.groups()
        reason = unsafe_name_reason(name)
        if reason:
            report.check(False, f"SHA256SUMS line {number}: the name {name!r} is {reason}")
            return None
        if name in listed:
            report.check(False, f"SHA256SUMS line {number}: {name} is listed twice")
            return None
        if previous is not None and name.encode("utf-8") <= previous.encode("utf-8"):
            report.check(False, f"SHA256SUMS line {number}: {name} is out of order (lines are sorted by name)")
            return None
        listed[name] = digest
        previous = name
    report.check(True, f"SHA256SUMS is well formed ({len(listed)} lines)")
    return listed


def check_package(path, out, max_ratio=DEFAULT_MAX_RATIO):
    """Checks one package; writes what was checked to `out`; returns True when everything holds."""
    report = Report(out)
    out.write(f"== {path}\n")
    try:
        package = Package(path)
    except DataError as error:
        report.check(False, f"package: {error}")
        return False
    try:
        check_entries(package, report, max_ratio)
    finally:
        package.close()
    out.write(f"{'VERIFIED' if report.failures == 0 else 'FAILED'}: {path}" +
              ("" if report.failures == 0 else f" ({report.failures} problem(s))") + "\n")
    return report.failures == 0


def check_entries(package, report, max_ratio):
    names = set(package.names)
    if SUMS not in names:
        report.check(False, "SHA256SUMS is missing")
        return
    try:
        listed = parse_sums(package.read_small(SUMS).decode("utf-8"), report)
    except (UnicodeDecodeError, DataError) as error:
        report.check(False, f"SHA256SUMS is unreadable: {error}")
        return
    if listed is None:
        return
    missing_required = [n for n in ENTRIES if n not in listed]
    report.check(not missing_required, "SHA256SUMS lists all eight entries" if not missing_required
                 else f"SHA256SUMS does not list: {', '.join(missing_required)}")
    unlisted = sorted(names - set(listed) - {SUMS})
    report.check(not unlisted, "no unlisted entries" if not unlisted else f"unlisted entries: {', '.join(unlisted)}")
    actual = {}
    for name, expected in listed.items():
        if name not in names:
            report.check(False, f"sha256 {name}: listed in SHA256SUMS but missing")
            continue
        try:
            actual[name] = package.sha256(name)
        except (OSError, zipfile.BadZipFile, EOFError, zlib.error) as error:
            report.check(False, f"sha256 {name}: unreadable ({error})")
            continue
        report.check(actual[name] == expected,
                     f"sha256 {name}" + ("" if actual[name] == expected else f": SHA256SUMS says {expected}, the entry hashes to {actual[name]}"))

    if HASH_FILE not in names:
        report.check(False, f"{HASH_FILE} is missing: cannot check the data")
        return
    try:
        document = json.loads(package.read_small(HASH_FILE).decode("utf-8"))
        columns = [(c["name"], c["type"]) for c in document["columns"]]
        declared = (document["algorithm"], document["dataset_sha256"], document["rows"], document["data_file"],
                    document["data_file_sha256"])
        if not all(isinstance(n, str) and isinstance(t, str) for n, t in columns) or not columns:
            raise ValueError("columns must be a non-empty list of {name, type} strings")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, DataError) as error:
        report.check(False, f"{HASH_FILE} is not a valid integrity document: {error}")
        return
    algorithm, dataset_sha256, rows, data_file, data_file_sha256 = declared
    if not report.check(algorithm == "CDH-1" and data_file == "data.csv.gz",
                        f"{HASH_FILE}: algorithm {algorithm}, data file {data_file}"):
        return
    if data_file not in names:
        report.check(False, f"{data_file} is missing")
        return
    file_hash = actual.get(data_file) or package.sha256(data_file)
    report.check(file_hash == data_file_sha256, "data_file_sha256" + ("" if file_hash == data_file_sha256 else
                 f": {HASH_FILE} says {data_file_sha256}, {data_file} hashes to {file_hash}"))

    compressed = package.size(data_file)
    limit = max(EXPANSION_FLOOR, compressed * max_ratio) if max_ratio else 0
    try:
        with package.open(data_file) as raw, gzip.GzipFile(fileobj=raw, mode="rb") as data:
            digest, counted, snapshot = cdh1(ExpansionLimit(data, limit), columns)
    except (DataError, OSError, EOFError, zipfile.BadZipFile, zlib.error) as error:
        report.check(False, f"dataset_sha256: the data cannot be read: {error}")
        return
    report.check(digest == dataset_sha256, f"dataset_sha256 (CDH-1 over {counted} rows)" +
                 ("" if digest == dataset_sha256 else f": {HASH_FILE} says {dataset_sha256}, the data hashes to {digest}"))
    report.check(counted == rows, f"rows = {counted}" + ("" if counted == rows else f": {HASH_FILE} says {rows}"))
    if SNAPSHOT_FILE not in names:
        report.check(False, f"{SNAPSHOT_FILE} is missing")
        return
    preview = package.read_small(SNAPSHOT_FILE, limit=MAX_ROW_BYTES)
    report.check(preview == snapshot, f"{SNAPSHOT_FILE} is the header and first {min(counted, SNAPSHOT_ROWS)} rows" +
                 ("" if preview == snapshot else f": it differs from the data ({len(preview)} bytes, expected {len(snapshot)})"))


# --------------------------------------------------------------------------------------------------------------------
# Vectors
# --------------------------------------------------------------------------------------------------------------------

def split_columns(spec):
    """'a:decimal(38,2),b:varchar' -> [('a', 'decimal(38,2)'), ('b', 'varchar')] (commas inside parentheses kept)."""
    items, depth, current = [], 0, ""
    for c in spec:
        if c == "," and depth == 0:
            items.append(current)
            current = ""
            continue
        depth += c == "("
        depth -= c == ")"
        current += c
    items.append(current)
    columns = []
    for item in items:
        name, sep, type_text = item.rpartition(":")
        if not sep or not name or not type_text:
            raise ValueError(f"column {item!r} is not name:type")
        columns.append((name, type_text))
    return columns


def hash_file(path, columns):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        digest, rows, _ = cdh1(f, columns)
    return digest, rows


def check_manifest(path, out):
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    folder = os.path.dirname(os.path.abspath(path))
    failures = 0
    for vector in manifest["vectors"]:
        columns = [(c["name"], c["type"]) for c in vector["columns"]]
        try:
            digest, rows = hash_file(os.path.join(folder, vector["file"]), columns)
            error = None
        except DataError as e:
            digest, rows, error = None, None, str(e)
        if vector.get("expect_error"):
            ok = error is not None
            detail = f"refused as expected: {error}" if ok else f"expected an error, got {digest}"
        else:
            ok = error is None and digest == vector["dataset_sha256"] and rows == vector["rows"]
            detail = f"{digest} rows={rows}" if ok else (
                f"error: {error}" if error else f"expected {vector['dataset_sha256']} rows={vector['rows']}, got {digest} rows={rows}")
        out.write(f"{'OK  ' if ok else 'FAIL'}  {vector['name']}: {detail}\n")
        failures += not ok
    out.write(f"{len(manifest['vectors']) - failures} of {len(manifest['vectors'])} vectors hold\n")
    return failures == 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="*", help="evidence packages (.zip) or unzipped package folders")
    parser.add_argument("--vector", help="an Athena-CSV data file (plain or .gz) to hash")
    parser.add_argument("--columns", help="its columns, name:type,... (with --vector)")
    parser.add_argument("--expect", help="the expected dataset_sha256 (with --vector)")
    parser.add_argument("--manifest", help="a test-vector manifest (tests/vectors/cdh1/manifest.json)")
    parser.add_argument("--max-ratio", type=int, default=DEFAULT_MAX_RATIO,
                        help=f"largest expansion of data.csv.gz beyond 64 MiB (default {DEFAULT_MAX_RATIO}; 0 = no limit)")
    args = parser.parse_args(argv)
    modes = sum(bool(x) for x in (args.packages, args.vector, args.manifest))
    if modes != 1 or (args.vector and not args.columns):
        parser.print_usage(sys.stderr)
        sys.stderr.write("cdh1.py: give packages, or --vector FILE --columns SPEC, or --manifest FILE\n")
        return 2
    for path in args.packages or [args.vector or args.manifest]:
        if not os.path.exists(path):
            sys.stderr.write(f"cdh1.py: {path}: no such file or folder\n")
            return 2
    if args.manifest:
        return 0 if check_manifest(args.manifest, sys.stdout) else 1
    if args.vector:
        try:
            columns = split_columns(args.columns)
        except ValueError as error:
            sys.stderr.write(f"cdh1.py: --columns: {error}\n")
            return 2
        try:
            digest, rows = hash_file(args.vector, columns)
        except DataError as error:
            sys.stdout.write(f"FAIL  {args.vector}: {error}\n")
            return 1
        sys.stdout.write(f"dataset_sha256 {digest}\nrows {rows}\n")
        if args.expect:
            ok = digest == args.expect.lower()
            sys.stdout.write("OK    matches --expect\n" if ok else f"FAIL  expected {args.expect}\n")
            return 0 if ok else 1
        return 0
    results = [check_package(path, sys.stdout, args.max_ratio) for path in args.packages]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
