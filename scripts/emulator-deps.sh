#!/usr/bin/env bash
# Installs the local Athena emulator's npm packages exactly as package-lock.json pins them (npm ci), unless they are
# already installed from this very lock file: a stamp holds the lock file's SHA-256, so repeated test, demo and bench
# runs need no registry. Sourced or run; exits non-zero with the reason when npm ci fails (e.g. no registry).
set -euo pipefail
emu_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../src/athena-emulator" && pwd)"
stamp="$emu_dir/node_modules/.soxauto-lock.sha256"
want="$(sha256sum "$emu_dir/package-lock.json" | cut -d' ' -f1)"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -d "$emu_dir/node_modules/@duckdb/node-api" ]]; then
    exit 0
fi

echo "emulator-deps: npm ci in $emu_dir (package-lock.json changed or not installed yet)" >&2
if ! (cd "$emu_dir" && npm ci --no-audit --no-fund --loglevel=error) >&2; then
    echo "emulator-deps: npm ci failed in $emu_dir; it needs the npm registry (or a mirror set in npm config) once per lock file" >&2
    exit 3
fi
printf '%s\n' "$want" > "$stamp"
