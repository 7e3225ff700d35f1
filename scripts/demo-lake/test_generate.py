"""Tests of the demo-lake generator: determinism, Athena's CSV dialect, and coverage of the catalog's tables.

    python3 -m unittest discover -s scripts/demo-lake -p 'test_*.py'
"""

import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GENERATOR = os.path.join(HERE, "generate.py")
DATABASES = ("nav_bi", "finrec", "finrec_fdw", "finrec_ring", "stg_finrec_oms", "process_pg_bob")

VALUE_FORMATS = {
    "string": re.compile(r"(?s).*"),
    "int": re.compile(r"-?[0-9]+"),
    "bigint": re.compile(r"-?[0-9]+"),
    "tinyint": re.compile(r"-?[0-9]{1,3}"),
    "boolean": re.compile(r"true|false"),
    "double": re.compile(r"-?[0-9]+(\.[0-9]+)?"),
    "decimal(38,2)": re.compile(r"-?[0-9]+\.[0-9]{2}"),
    "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    "timestamp": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}"),
}


def generate(out, seed=None):
    args = [sys.executable, GENERATOR, "--out", out] + (["--seed", str(seed)] if seed is not None else [])
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def parse_csv(text):
    """Parses Athena's CSV dialect strictly: returns rows of fields, None for NULL (an empty unquoted field)."""
    rows, row, i, n = [], [], 0, len(text)
    while True:
        if i < n and text[i] == '"':
            j, value = i + 1, []
            while True:
                k = text.index('"', j)
                value.append(text[j:k])
                if text.startswith('""', k):
                    value.append('"')
                    j = k + 2
                else:
                    i = k + 1
                    break
            row.append("".join(value))
        else:
            row.append(None)  # an empty unquoted field; anything else unquoted is refused below
        if i >= n:
            raise AssertionError("file does not end with a line feed")
        if text[i] == ",":
            i += 1
        elif text[i] == "\n":
            rows.append(row)
            row, i = [], i + 1
            if i == n:
                return rows
        else:
            raise AssertionError(f"unquoted value at offset {i}: {text[i:i + 20]!r}")


class GeneratorTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.lake = os.path.join(cls.tmp.name, "a")
        generate(cls.lake)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def tables(self):
        for database in sorted(os.listdir(self.lake)):
            for table in sorted(os.listdir(os.path.join(self.lake, database))):
                yield database, table, os.path.join(self.lake, database, table)

    def test_same_seed_gives_identical_bytes(self):
        again = os.path.join(self.tmp.name, "b")
        generate(again)
        comparison = filecmp.dircmp(self.lake, again)
        self.assertEqual(self._differences(comparison), [])
        for database, table, folder in self.tables():
            for name in ("part-00000.csv", "_schema.json"):
                other = os.path.join(again, database, table, name)
                with open(os.path.join(folder, name), "rb") as f1, open(other, "rb") as f2:
                    self.assertEqual(f1.read(), f2.read(), f"{database}/{table}/{name} differs between two runs")

    def test_another_seed_gives_other_data(self):
        other = os.path.join(self.tmp.name, "c")
        generate(other, seed=7)
        with open(os.path.join(self.lake, "finrec", "rpt_soi", "part-00000.csv"), "rb") as f1, \
                open(os.path.join(other, "finrec", "rpt_soi", "part-00000.csv"), "rb") as f2:
            self.assertNotEqual(f1.read(), f2.read())

    def test_every_table_is_in_athena_csv_dialect_and_matches_its_schema(self):
        seen_null = seen_empty = seen_tricky = False
        for database, table, folder in self.tables():
            self.assertIn(database, DATABASES)
            self.assertEqual(sorted(os.listdir(folder)), ["_schema.json", "part-00000.csv"])
            with open(os.path.join(folder, "_schema.json"), encoding="utf-8") as f:
                columns = json.load(f)["columns"]
            with open(os.path.join(folder, "part-00000.csv"), "rb") as f:
                raw = f.read()
            self.assertFalse(raw.startswith(b"\xef\xbb\xbf"), f"{table}: BOM")
            self.assertNotIn(b"\r", raw, f"{table}: CR line ends")
            text = raw.decode("utf-8")
            header = text.split("\n", 1)[0]
            self.assertEqual(header, ",".join('"' + c["name"] + '"' for c in columns), f"{table}: header")
            rows = parse_csv(text)
            self.assertGreater(len(rows), 1, f"{table}: no data rows")
            for number, row in enumerate(rows[1:], start=2):
                self.assertEqual(len(row), len(columns), f"{database}.{table} row {number}: field count")
                for value, column in zip(row, columns):
                    if value is None:
                        seen_null = True
                        continue
                    seen_empty |= value == ""
                    seen_tricky |= '"' in value and "," in value and "\n" in value
                    if value == "" and column["type"] == "string":
                        continue
                    self.assertIsNotNone(VALUE_FORMATS[column["type"]].fullmatch(value),
                                         f"{database}.{table} row {number} column {column['name']}: {value!r}")
        self.assertTrue(seen_null and seen_empty and seen_tricky, "the lake must hold NULLs, '' and a quoted value")

    def test_every_table_the_catalog_reads_exists(self):
        referenced = set()
        catalog = os.path.join(REPO, "catalog")
        pattern = re.compile(r"\b(" + "|".join(DATABASES) + r")\.([a-z0-9_]+)")
        for name in os.listdir(catalog):
            if name.endswith(".yaml"):
                with open(os.path.join(catalog, name), encoding="utf-8") as f:
                    referenced.update(pattern.findall(f.read()))
        self.assertTrue(referenced)
        generated = {(d, t) for d, t, _ in self.tables()}
        self.assertEqual(sorted(referenced - generated), [])

    def test_parser_refuses_an_unquoted_value(self):
        with self.assertRaises(AssertionError):
            parse_csv('"a","b"\n1,"x"\n')

    @staticmethod
    def _differences(comparison):
        found = comparison.left_only + comparison.right_only + comparison.diff_files + comparison.funny_files
        for sub in comparison.subdirs.values():
            found += GeneratorTests._differences(sub)
        return found


if __name__ == "__main__":
    unittest.main()
