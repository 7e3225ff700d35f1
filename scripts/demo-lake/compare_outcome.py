#!/usr/bin/env python3
"""Compares a run folder of `soxauto extract` with the demo's expected outcome, check by check.

Reads each package's 06_validation_results.json (standard library only) and the run's run.json, and exits 0 only
when every item and every check has exactly the expected status. Used by scripts/demo.sh.

    python3 scripts/demo-lake/compare_outcome.py RUN_FOLDER scripts/demo-lake/expected-outcome.json
"""
import json
import sys
import zipfile
from pathlib import Path


def actual_outcome(run_folder: Path) -> dict:
    run = json.loads((run_folder / "run.json").read_text(encoding="utf-8"))
    items = {}
    for item in run["items"]:
        checks = {}
        package = item.get("package")
        if package:
            with zipfile.ZipFile(run_folder / package) as archive:
                results = json.loads(archive.read("06_validation_results.json").decode("utf-8"))
            checks = {check["id"]: check["status"] for check in results["checks"]}
        items[item["item_id"]] = {"status": item["status"], "checks": checks}
    return items


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    run_folder, expected_file = Path(sys.argv[1]), Path(sys.argv[2])
    expected = json.loads(expected_file.read_text(encoding="utf-8"))["items"]
    actual = actual_outcome(run_folder)
    differences = []
    for item_id in sorted(set(expected) | set(actual)):
        want, got = expected.get(item_id), actual.get(item_id)
        if want is None or got is None:
            differences.append(f"{item_id}: expected {'nothing' if want is None else want['status']}, got {'nothing' if got is None else got['status']}")
            continue
        if want["status"] != got["status"]:
            differences.append(f"{item_id}: expected {want['status']}, got {got['status']}")
        for check_id in sorted(set(want["checks"]) | set(got["checks"])):
            if want["checks"].get(check_id) != got["checks"].get(check_id):
                differences.append(f"{item_id} {check_id}: expected {want['checks'].get(check_id)}, got {got['checks'].get(check_id)}")
    for line in differences:
        print("DIFFERS  " + line)
    checks = sum(len(i["checks"]) for i in expected.values())
    if differences:
        print(f"the run differs from the expected outcome in {len(differences)} place(s)")
        return 1
    print(f"as designed: all {len(expected)} items and {checks} checks have their expected status")
    return 0


if __name__ == "__main__":
    sys.exit(main())
