#!/usr/bin/env bash
# Benchmark of the whole pipeline: `soxauto extract` over N synthetic ledger rows, read through the local Athena
# emulator and moto's S3, timed as a whole process over several runs (median) with its peak RSS, beside the floors
# measured on the same CSV bytes (openssl dgst -sha256, gzip -1).
#
#   scripts/bench.sh [--rows N] [--runs K]     default 5,000,000 rows, 5 timed runs
#   scripts/bench.sh --micro [BenchmarkDotNet args]   micro-benchmarks: CSV parser, typed conversion, CDH-1 (MB/s)
#
# The first extract makes DuckDB run the query and write the result; the timed runs use Athena's result reuse
# (SOXAUTO_RESULT_REUSE_MINUTES), so they measure our pipeline — S3 read → typed records → checks → CDH-1 →
# data.csv.gz → zip — not the engine. The last line of output is one JSON object with the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rows=5000000
runs=5
if [[ "${1:-}" == "--micro" ]]; then
    shift
    exec dotnet run -c Release --project tests/SoxAuto.Benchmarks -- --filter '*' "$@"
fi
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rows) rows="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) echo "bench: unknown argument '$1' (use --rows N, --runs K or --micro)" >&2; exit 2 ;;
    esac
done
[[ "$rows" =~ ^[1-9][0-9]*$ && "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --rows and --runs take positive whole numbers" >&2; exit 2; }

bench="$root/.bench"
export LOCAL_AWS_DIR="$bench/local-aws"
export SOXAUTO_LAKE="$bench/lake"
say() { printf 'bench: %s\n' "$*" >&2; }

./scripts/emulator-deps.sh
./scripts/soxauto --version >/dev/null   # builds the Release CLI when stale
cli="$root/src/SoxAuto.Cli/bin/Release/net10.0/soxauto"

if [[ "$(cat "$SOXAUTO_LAKE/rows" 2>/dev/null)" != "$rows" ]]; then
    say "generating $rows ledger rows"
    node scripts/bench/generate-ledger.mjs --rows "$rows" --out "$SOXAUTO_LAKE" >/dev/null
    echo "$rows" >"$SOXAUTO_LAKE/rows"
fi

# A fresh local AWS each time: the emulator must not answer from a result of an earlier lake.
./scripts/local-aws.sh down >/dev/null 2>&1 || true
trap './scripts/local-aws.sh down >/dev/null 2>&1 || true' EXIT
./scripts/local-aws.sh up >/dev/null 2>&1
set -a
# shellcheck disable=SC1091
. "$LOCAL_AWS_DIR/env"
set +a
extract=("$cli" extract --catalog scripts/bench/catalog --cutoff 2025-09-30 --out "$bench/evidence" --json)
rm -rf "$bench/evidence"

say "warm-up run (DuckDB executes the query and writes the result to moto)"
"${extract[@]}" >/dev/null 2>"$bench/warmup.log" || { cat "$bench/warmup.log" >&2; exit 3; }
export SOXAUTO_RESULT_REUSE_MINUTES=600
warm_folder="$(ls -d "$bench"/evidence/*/ | tail -n 1)"
result_uri="$(python3 -c 'import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.loads(z.read("07_execution_log.json"))["result"]["uri"])' "$warm_folder/BENCH_LEDGER.zip")"
rm -rf "$bench/evidence"

times=()
rss=()
for run in $(seq 1 "$runs"); do
    /usr/bin/time -f '%e %M' -o "$bench/time.txt" "${extract[@]}" >"$bench/run.json" 2>"$bench/run.log" || { cat "$bench/run.log" >&2; exit 3; }
    extracted=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["rows"])' "$bench/run.json")
    [[ "$extracted" == "$rows" ]] || { echo "bench: run $run extracted $extracted rows, not $rows" >&2; exit 3; }
    read -r seconds kilobytes <"$bench/time.txt"
    times+=("$seconds")
    rss+=("$kilobytes")
    say "run $run: ${seconds} s, peak RSS $((kilobytes / 1024)) MB"
    rm -rf "$bench/evidence"
done

say "floors on the same CSV bytes ($result_uri)"
aws --endpoint-url "$AWS_ENDPOINT_URL_S3" s3 cp "$result_uri" "$bench/result.csv" --quiet
csv_bytes=$(stat -c %s "$bench/result.csv")
floor() { /usr/bin/time -f '%e' -o "$bench/floor.txt" "$@" >/dev/null 2>&1; cat "$bench/floor.txt"; }
floor_sha=$(floor openssl dgst -sha256 "$bench/result.csv")
floor_gzip=$(floor sh -c "gzip -1 -c '$bench/result.csv' >/dev/null")
rm -f "$bench/result.csv"

python3 - "$rows" "$csv_bytes" "$floor_sha" "$floor_gzip" "${times[*]}" "${rss[*]}" <<'PY'
import json, statistics, sys
rows, csv_bytes = int(sys.argv[1]), int(sys.argv[2])
floor_sha, floor_gzip = float(sys.argv[3]), float(sys.argv[4])
times = [float(t) for t in sys.argv[5].split()]
rss_mb = [int(k) / 1024 for k in sys.argv[6].split()]
median = statistics.median(times)
print(f"{'rows':<28}{rows:>14,}")
print(f"{'CSV bytes':<28}{csv_bytes:>14,}  ({csv_bytes / rows:.0f} bytes/row)")
print(f"{'soxauto extract (median)':<28}{median:>13.2f}s  runs: {', '.join(f'{t:.2f}' for t in times)}")
print(f"{'peak RSS (max of runs)':<28}{max(rss_mb):>12.0f}MB")
print(f"{'floor: openssl dgst -sha256':<28}{floor_sha:>13.2f}s")
print(f"{'floor: gzip -1':<28}{floor_gzip:>13.2f}s")
print(json.dumps({"rows": rows, "csv_bytes": csv_bytes, "extract_seconds": round(median, 3),
                  "peak_rss_mb": round(max(rss_mb), 1), "floor_sha256_seconds": floor_sha,
                  "floor_gzip1_seconds": floor_gzip}))
PY
