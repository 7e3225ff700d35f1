"""Tests of scripts/cdh1.py: every CDH-1 vector, the command line, and packages built here (not by soxauto) — intact,
tampered entry by entry, and hostile. The C# tests run this checker on packages soxauto writes (AuditorToolTests).

    python3 -m unittest scripts/test_cdh1.py      (from the repository root)
"""
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import cdh1  # noqa: E402

SCRIPT = os.path.join(HERE, "cdh1.py")
VECTORS = os.path.join(HERE, "..", "tests", "vectors", "cdh1")
MANIFEST = os.path.join(VECTORS, "manifest.json")

with open(MANIFEST, encoding="utf-8") as f:
    VECTOR_LIST = json.load(f)["vectors"]


def columns_of(vector):
    return [(c["name"], c["type"]) for c in vector["columns"]]


def run(*args, cwd=None):
    completed = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, cwd=cwd)
    return completed.returncode, completed.stdout + completed.stderr


class VectorTests(unittest.TestCase):
    def test_every_vector_hashes_to_its_expected_value_or_is_refused(self):
        self.assertGreaterEqual(len(VECTOR_LIST), 20)
        for vector in VECTOR_LIST:
            with self.subTest(vector["name"]):
                path = os.path.join(VECTORS, vector["file"])
                if vector.get("expect_error"):
                    with self.assertRaises(cdh1.DataError):
                        cdh1.hash_file(path, columns_of(vector))
                else:
                    digest, rows = cdh1.hash_file(path, columns_of(vector))
                    self.assertEqual(vector["dataset_sha256"], digest)
                    self.assertEqual(vector["rows"], rows)

    def test_the_hash_changes_when_one_value_or_a_null_changes(self):
        strings = next(v for v in VECTOR_LIST if v["name"] == "single_column_nulls")
        with open(os.path.join(VECTORS, strings["file"]), "rb") as f:
            data = f.read()
        base, _, _ = cdh1.cdh1(io.BytesIO(data), columns_of(strings))
        null_to_empty, _, _ = cdh1.cdh1(io.BytesIO(data.replace(b'"v"\n\n', b'"v"\n""\n', 1)), columns_of(strings))
        self.assertNotEqual(base, null_to_empty)

    def test_canonical_texts_follow_the_table(self):
        def canon(type_text, raw):
            return cdh1.canonical(cdh1.ColumnType(type_text), raw).decode()
        self.assertEqual("0.00", canon("decimal(38,2)", b"-0.00"))
        self.assertEqual("-0.50", canon("DECIMAL(38, 2)", b"-0.5"))
        self.assertEqual("7", canon("decimal(5,0)", b"007"))
        self.assertEqual("0000000000000000", canon("double", b"-0.0"))
        self.assertEqual("7ff8000000000000", canon("double", b"NaN"))
        self.assertEqual("3ff0000020000000", canon("real", b"1.00000017881393432617187499"))
        self.assertEqual("2025-09-30T23:59:59.12", canon("timestamp", b"2025-09-30 23:59:59.120"))
        self.assertEqual("2025-09-30T23:59:59", canon("timestamp(6)", b"2025-09-30 23:59:59.000000"))
        self.assertEqual("-9223372036854775808", canon("bigint", b"-9223372036854775808"))
        for type_text, raw in (("decimal(38,2)", b"1.234"), ("integer", b"2147483648"), ("date", b"2025-02-29"),
                               ("boolean", b"True"), ("double", b"1,5"), ("timestamp", b"2025-09-30T10:00:00"),
                               ("varchar", b"\xff")):
            with self.subTest(type_text=type_text, raw=raw):
                with self.assertRaises(cdh1.DataError):
                    cdh1.canonical(cdh1.ColumnType(type_text), raw)

    def test_rows_split_across_read_chunks_parse_the_same(self):
        vector = next(v for v in VECTOR_LIST if v["name"] == "strings")
        with open(os.path.join(VECTORS, vector["file"]), "rb") as f:
            data = f.read()
        original = cdh1.CHUNK
        try:
            cdh1.CHUNK = 3
            digest, rows, _ = cdh1.cdh1(io.BytesIO(data), columns_of(vector))
        finally:
            cdh1.CHUNK = original
        self.assertEqual(vector["dataset_sha256"], digest)


class CommandLineTests(unittest.TestCase):
    def test_manifest_mode_checks_every_vector(self):
        code, output = run("--manifest", MANIFEST)
        self.assertEqual(0, code, output)
        self.assertIn(f"{len(VECTOR_LIST)} of {len(VECTOR_LIST)} vectors hold", output)

    def test_vector_mode_prints_the_hash_and_compares_with_expect(self):
        vector = next(v for v in VECTOR_LIST if v["name"] == "decimals")
        spec = ",".join(f"{n}:{t}" for n, t in columns_of(vector))
        path = os.path.join(VECTORS, vector["file"])
        code, output = run("--vector", path, "--columns", spec, "--expect", vector["dataset_sha256"])
        self.assertEqual(0, code, output)
        self.assertIn(f"dataset_sha256 {vector['dataset_sha256']}", output)
        code, output = run("--vector", path, "--columns", spec, "--expect", "0" * 64)
        self.assertEqual(1, code, output)

    def test_bad_usage_exits_2(self):
        self.assertEqual(2, run()[0])
        self.assertEqual(2, run("/no/such/package.zip")[0])
        self.assertEqual(2, run("--vector", MANIFEST)[0])


def build_package(data_csv, columns, extra=None, sums_transform=None):
    """A package as the format describes it, built with the standard library only: {name: bytes}."""
    entries = {
        "01_executed_query.sql": b"SELECT 1",
        "02_query_parameters.json": b'{"parameters": [], "execution_parameters": []}\n',
        "04_data_summary.json": b'{"rows": 0}\n',
        "06_validation_results.json": b'{"overall_status": "PASS", "checks": []}\n',
        "07_execution_log.json": b'{"format": "test"}\n',
        "data.csv.gz": gzip.compress(data_csv, mtime=0),
    }
    digest, rows, snapshot = cdh1.cdh1(io.BytesIO(data_csv), columns)
    entries["03_data_snapshot.csv"] = snapshot
    entries["05_integrity_hash.json"] = json.dumps({
        "algorithm": "CDH-1", "dataset_sha256": digest, "rows": rows,
        "columns": [{"name": n, "type": t} for n, t in columns],
        "data_file": "data.csv.gz", "data_file_sha256": hashlib.sha256(entries["data.csv.gz"]).hexdigest()}).encode()
    entries.update(extra or {})
    listed = sorted(n for n in entries if n != "SHA256SUMS")
    sums = "".join(f"{hashlib.sha256(entries[n]).hexdigest()}  {n}\n" for n in listed)
    entries["SHA256SUMS"] = (sums_transform or (lambda s: s))(sums).encode()
    return entries


def write_zip(path, entries, duplicate=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name in sorted(entries):
            z.writestr(name, entries[name])
        if duplicate:
            z.writestr(duplicate, b"again")
    return path


def write_folder(path, entries):
    os.makedirs(path)
    for name, content in entries.items():
        with open(os.path.join(path, name), "wb") as f:
            f.write(content)
    return path


class PackageTests(unittest.TestCase):
    COLUMNS = [("journal_id", "varchar"), ("amount", "decimal(38,2)"), ("posted", "date")]

    def setUp(self):
        self.temp = tempfile.TemporaryDirectory()
        self.addCleanup(self.temp.cleanup)
        rows = "".join(f'"JE-{i}","{i}.{i % 100:02d}",{"" if i % 7 == 0 else chr(34) + "2025-09-30" + chr(34)}\n' for i in range(1, 151))
        self.data = ('"journal_id","amount","posted"\n' + rows).encode()
        self.entries = build_package(self.data, self.COLUMNS)

    def path(self, name):
        return os.path.join(self.temp.name, name)

    def check(self, path, *args):
        out = io.StringIO()
        ok = cdh1.check_package(path, out, *args)
        return ok, out.getvalue()

    def test_intact_package_verifies_as_zip_and_as_folder(self):
        for path in (write_zip(self.path("p.zip"), self.entries), write_folder(self.path("p"), self.entries)):
            with self.subTest(path=path):
                ok, output = self.check(path)
                self.assertTrue(ok, output)
                self.assertIn("OK    dataset_sha256 (CDH-1 over 150 rows)", output)
                self.assertIn("first 100 rows", output)

    def test_one_changed_byte_in_any_entry_fails(self):
        for name in sorted(self.entries):
            with self.subTest(entry=name):
                tampered = dict(self.entries)
                content = bytearray(tampered[name])
                content[len(content) // 2] ^= 1
                tampered[name] = bytes(content)
                folder = write_folder(self.path("t-" + name), tampered)
                ok, output = self.check(folder)
                self.assertFalse(ok, output)

    def test_changed_data_with_forged_file_hashes_fails_on_the_dataset_hash(self):
        changed = self.data.replace(b'"JE-150","150.50"', b'"JE-150","150.51"')
        forged = build_package(self.data, self.COLUMNS, extra={"data.csv.gz": gzip.compress(changed, mtime=0)})
        integrity = json.loads(forged["05_integrity_hash.json"])
        integrity["data_file_sha256"] = hashlib.sha256(forged["data.csv.gz"]).hexdigest()
        forged = build_package(self.data, self.COLUMNS, extra={"data.csv.gz": forged["data.csv.gz"],
                                                               "05_integrity_hash.json": json.dumps(integrity).encode()})
        ok, output = self.check(write_folder(self.path("forged"), forged))
        self.assertFalse(ok)
        self.assertIn("FAIL  dataset_sha256", output)
        self.assertIn("OK    data_file_sha256", output)

    def test_missing_and_unlisted_entries_fail(self):
        missing = dict(self.entries)
        del missing["06_validation_results.json"]
        ok, output = self.check(write_folder(self.path("missing"), missing))
        self.assertFalse(ok)
        self.assertIn("listed in SHA256SUMS but missing", output)
        unlisted = dict(self.entries, **{"notes.txt": b"added"})
        ok, output = self.check(write_folder(self.path("unlisted"), unlisted))
        self.assertFalse(ok)
        self.assertIn("unlisted entries: notes.txt", output)

    def test_malformed_sha256sums_fails(self):
        for name, transform in (("unsorted", lambda s: "".join(reversed(s.splitlines(keepends=True)))),
                                ("one space", lambda s: s.replace("  ", " ", 1)),
                                ("uppercase", lambda s: s[:64].upper() + s[64:]),
                                ("no final newline", lambda s: s[:-1])):
            with self.subTest(name):
                entries = build_package(self.data, self.COLUMNS, sums_transform=transform)
                ok, output = self.check(write_folder(self.path("sums-" + name.replace(" ", "-")), entries))
                self.assertFalse(ok, output)

    def test_hostile_zips_are_refused_with_a_reason(self):
        for name, reason in (("../evil.txt", "relative path"), ("/etc/evil", "absolute path"), ("sub/evil", "inside a folder")):
            with self.subTest(name):
                path = write_zip(self.path(f"h{len(name)}.zip"), dict(self.entries, **{name: b"x"}))
                ok, output = self.check(path)
                self.assertFalse(ok)
                self.assertIn(reason, output)
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name it is asked to write
            path = write_zip(self.path("dup.zip"), self.entries, duplicate="SHA256SUMS")
        ok, output = self.check(path)
        self.assertFalse(ok)
        self.assertIn("duplicate entries: SHA256SUMS", output)
        with open(self.path("text.zip"), "w") as f:
            f.write("not a zip")
        ok, output = self.check(self.path("text.zip"))
        self.assertFalse(ok)
        self.assertIn("not a readable zip file", output)

    def test_a_gzip_bomb_is_stopped_by_the_expansion_limit(self):
        limited = cdh1.ExpansionLimit(io.BytesIO(b"x" * 1000), 100)
        with self.assertRaises(cdh1.DataError):
            while limited.read(64):
                pass


if __name__ == "__main__":
    unittest.main()
