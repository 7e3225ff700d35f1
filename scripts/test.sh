#!/usr/bin/env bash
# Everything the tests need, then all tests. This is what CI runs (.ci/run) and what a developer runs before pushing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need() { command -v "$1" >/dev/null 2>&1 || { echo "scripts/test.sh: '$1' is not on PATH; $2" >&2; exit 3; }; }
need dotnet "install the .NET 10 SDK"
need python3 "install Python 3 (standard library only)"
need node "install Node.js 20 (the local Athena emulator runs on it)"
need npm "install npm (it installs the emulator's pinned dependencies)"
need moto_server "moto 5.2.1 (moto_server) is expected on this machine image; tests use it as local S3/STS/Athena"
need unzip "unzip is expected (tests check packages with standard tools)"
need sha256sum "GNU coreutils sha256sum is expected (tests check packages with standard tools)"
need aws "the AWS CLI is expected on this machine image; the emulator's conformance test drives it"

section() { printf '\n== %s\n' "$*"; }

section "local Athena emulator dependencies (npm ci, pinned by package-lock.json; skipped when already installed from it)"
./scripts/emulator-deps.sh

section "build (warnings are errors)"
dotnet build SoxAuto.sln -c Debug --nologo -v quiet

section ".NET tests"
for project in tests/*/*.Tests.csproj; do
    dotnet test "$project" -c Debug --no-build --nologo -v quiet
done

section "Python tests: the independent CDH-1 checker and the demo-lake generator"
python3 -m unittest discover -s scripts -p 'test_cdh1.py'
python3 -m unittest discover -s scripts/demo-lake -p 'test_*.py'

section "Athena emulator tests (node --test; start their own moto_server and emulator)"
node --test tests/athena-emulator/

section "all tests passed"
