#!/usr/bin/env bash
# The main job end to end on this machine, with no AWS account:
#   install what is needed, start local AWS (moto + the DuckDB-backed Athena emulator), generate the demo lake,
#   soxauto test-access, soxauto extract --cutoff 2025-09-30 over the whole catalog, soxauto verify and the
#   independent scripts/cdh1.py on every package, then compare the outcome with the designed one.
# Exits 0 when everything behaved as designed — the planted anomalies of docs/demo.md FAILing is the design —
# and non-zero otherwise. Local AWS is stopped at the end, also on failure or Ctrl+C.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

cutoff=2025-09-30
demo="$root/.demo"
export LOCAL_AWS_DIR="$demo/local-aws"
export SOXAUTO_LAKE="$demo/lake"

step() { printf '\n== %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "demo: '$1' is not on PATH; $2" >&2; exit 3; }; }
need dotnet "install the .NET 10 SDK"
need node "install Node.js 20"
need npm "install npm"
need python3 "install Python 3"
need moto_server "moto 5.2.1 (moto_server) is expected on this machine image"

step "install: the emulator's pinned npm packages, and soxauto (Release build)"
./scripts/emulator-deps.sh
./scripts/soxauto --version

step "generate the demo lake (deterministic; anomalies planted on purpose, see docs/demo.md)"
rm -rf "$SOXAUTO_LAKE"
python3 scripts/demo-lake/generate.py --out "$SOXAUTO_LAKE"

step "start local AWS"
trap './scripts/local-aws.sh down >/dev/null 2>&1 || true' EXIT
./scripts/local-aws.sh up
set -a
# shellcheck disable=SC1091
. "$LOCAL_AWS_DIR/env"
set +a

step "soxauto validate-catalog"
./scripts/soxauto validate-catalog

step "soxauto test-access --query"
./scripts/soxauto test-access --query

step "soxauto extract --cutoff $cutoff (exit 1 is expected: the planted anomalies FAIL)"
set +e
./scripts/soxauto extract --cutoff "$cutoff" --out "$demo/evidence"
extract_exit=$?
set -e
if [[ $extract_exit -ne 1 ]]; then
    echo "demo: soxauto extract exited $extract_exit; the design is exit 1 (three items FAIL on planted anomalies)" >&2
    exit 1
fi
run_folder="$(ls -d "$demo"/evidence/"$cutoff"_* | sort | tail -n 1)"

step "soxauto verify (every package, from its bytes)"
./scripts/soxauto verify "$run_folder"/*.zip

step "scripts/cdh1.py (an independent checker, Python standard library only)"
python3 scripts/cdh1.py "$run_folder"/*.zip >/dev/null
echo "cdh1.py: all $(ls "$run_folder"/*.zip | wc -l) packages verified"

step "compare with the designed outcome (scripts/demo-lake/expected-outcome.json)"
python3 scripts/demo-lake/compare_outcome.py "$run_folder" scripts/demo-lake/expected-outcome.json

step "done"
echo "Evidence: $run_folder (run.json and one zip per item). What each entry proves: docs/evidence-format.md."
echo "Why three items FAIL: docs/demo.md."
