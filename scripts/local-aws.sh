#!/usr/bin/env bash
# Local AWS for SoxAuto demos and end-to-end tests: moto (S3, STS) plus the local
# Athena emulator (src/athena-emulator, DuckDB over a local lake), on loopback ports.
#
#   scripts/local-aws.sh up       start both (idempotent), create the results bucket,
#                                 write .local-aws/env (source it to point AWS clients here)
#   scripts/local-aws.sh status   show what runs where
#   scripts/local-aws.sh down     stop what `up` started
#
# Environment:
#   SOXAUTO_LAKE    lake folder (default: .local-aws/lake under the repository root)
#   LOCAL_AWS_DIR   state folder for pid files, logs and env (default: .local-aws under the root)
#   LOCAL_AWS_WAIT  seconds to wait for each service to answer (default: 30)
# See docs/local-aws.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${LOCAL_AWS_DIR:-$ROOT/.local-aws}"
EMU_DIR="$ROOT/src/athena-emulator"
BUCKET="soxauto-athena-results"
OUTPUT_LOCATION="s3://$BUCKET/athena/"
REGION="us-east-1"
WAIT_SECONDS="${LOCAL_AWS_WAIT:-30}"

MOTO_PID_FILE="$STATE_DIR/moto.pid"
EMU_PID_FILE="$STATE_DIR/athena-emulator.pid"
MOTO_LOG="$STATE_DIR/moto.log"
EMU_LOG="$STATE_DIR/athena-emulator.log"
EMU_OUT="$STATE_DIR/athena-emulator.out"
ENV_FILE="$STATE_DIR/env"

die() {
  printf 'local-aws: %s\n' "$*" >&2
  exit 1
}

info() {
  printf 'local-aws: %s\n' "$*" >&2
}

# The emulators need no AWS profile; moto's botocore resolves AWS_PROFILE on every request
# and answers 500 (ProfileNotFound) when it names a profile this machine lacks. An env(1)
# prefix rather than a function, because nohup runs programs, not shell functions.
WITHOUT_AWS_PROFILE=(env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_CONFIG_FILE -u AWS_SHARED_CREDENTIALS_FILE)

resolve_lake() {
  local lake="${SOXAUTO_LAKE:-$STATE_DIR/lake}"
  mkdir -p "$lake"
  (cd "$lake" && pwd)
}

# A pid file holds "<pid> <port>" on line 1 and the process start time on line 2, so
# that `down` never signals a process that merely reuses a recorded pid.
start_time_of() {
  ps -o lstart= -p "$1" 2>/dev/null | sed 's/^ *//'
}

write_pid_file() { # file pid port
  printf '%s %s\n%s\n' "$2" "$3" "$(start_time_of "$2")" >"$1"
}

pid_of() { sed -n '1s/ .*//p' "$1" 2>/dev/null; }
port_of() { sed -n '1s/^[^ ]* //p' "$1" 2>/dev/null; }

# True when the pid file names a live process that is the one we started.
is_ours() { # pidfile
  local file="$1" pid recorded
  [[ -f "$file" ]] || return 1
  pid="$(pid_of "$file")"
  recorded="$(sed -n '2p' "$file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ "$(start_time_of "$pid")" == "$recorded" ]]
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

http_status() { # method url
  node -e "
const r=require('http').request(process.argv[2],{method:process.argv[1],timeout:2000},(res)=>{console.log(res.statusCode);res.resume();});
r.on('error',()=>console.log(0));r.on('timeout',()=>{r.destroy();});r.end();" "$1" "$2"
}

wait_for() { # name url logfile pid
  local name="$1" url="$2" log="$3" pid="$4" i
  for ((i = 0; i < WAIT_SECONDS * 4; i++)); do
    if [[ "$(http_status GET "$url")" == "200" ]]; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      info "$name exited while starting; last lines of $log:"
      tail -n 20 "$log" >&2 || true
      return 1
    fi
    sleep 0.25
  done
  info "$name did not answer at $url within ${WAIT_SECONDS}s; last lines of $log:"
  tail -n 20 "$log" >&2 || true
  return 1
}

healthy() {
  is_ours "$MOTO_PID_FILE" && is_ours "$EMU_PID_FILE" \
    && [[ "$(http_status GET "http://127.0.0.1:$(port_of "$MOTO_PID_FILE")/moto-api/")" == "200" ]] \
    && [[ "$(http_status GET "http://127.0.0.1:$(port_of "$EMU_PID_FILE")/_emulator/health")" == "200" ]]
}

stop_one() { # name pidfile
  local name="$1" file="$2" pid i
  [[ -f "$file" ]] || return 0
  pid="$(pid_of "$file")"
  if is_ours "$file"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
      info "$name (pid $pid) did not stop on SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    info "stopped $name (pid $pid)"
  else
    info "$name: pid file $file is stale (pid $pid is not the process we started); removing it"
  fi
  rm -f "$file"
}

cmd_up() {
  command -v moto_server >/dev/null 2>&1 \
    || die "moto_server not found on PATH; moto 5.2.1 is expected on this machine image"
  command -v node >/dev/null 2>&1 || die "node not found on PATH; Node 20 is required for the Athena emulator"
  mkdir -p "$STATE_DIR"
  if healthy; then
    info "already running and healthy"
    cmd_status
    return 0
  fi
  # Partial or stale state: stop whatever of ours still runs and start both afresh.
  stop_one "athena-emulator" "$EMU_PID_FILE"
  stop_one "moto" "$MOTO_PID_FILE"

  "$ROOT/scripts/emulator-deps.sh" || die "the emulator's dependencies could not be installed (see above)"

  local lake moto_port emu_port emu_pid moto_pid i status
  lake="$(resolve_lake)"

  moto_port="$(free_port)"
  nohup "${WITHOUT_AWS_PROFILE[@]}" moto_server -H 127.0.0.1 -p "$moto_port" >"$MOTO_LOG" 2>&1 &
  moto_pid=$!
  write_pid_file "$MOTO_PID_FILE" "$moto_pid" "$moto_port"
  wait_for "moto" "http://127.0.0.1:$moto_port/moto-api/" "$MOTO_LOG" "$moto_pid" \
    || { stop_one "moto" "$MOTO_PID_FILE"; die "moto did not start (log: $MOTO_LOG)"; }

  status="$(http_status PUT "http://127.0.0.1:$moto_port/$BUCKET")"
  [[ "$status" == "200" || "$status" == "409" ]] \
    || { stop_one "moto" "$MOTO_PID_FILE"; die "could not create the bucket $BUCKET in moto (HTTP $status)"; }

  : >"$EMU_OUT"
  nohup "${WITHOUT_AWS_PROFILE[@]}" node "$EMU_DIR/server.js" --port 0 --lake "$lake" \
    --s3-endpoint "http://127.0.0.1:$moto_port" --output-location "$OUTPUT_LOCATION" \
    --region "$REGION" --state-dir "$STATE_DIR/athena-emulator" >"$EMU_OUT" 2>"$EMU_LOG" &
  emu_pid=$!
  emu_port=""
  for ((i = 0; i < WAIT_SECONDS * 4; i++)); do
    emu_port="$(sed -n 's/.*"port":\([0-9]*\).*/\1/p' "$EMU_OUT" | head -n 1)"
    [[ -n "$emu_port" ]] && break
    kill -0 "$emu_pid" 2>/dev/null || break
    sleep 0.25
  done
  if [[ -z "$emu_port" ]]; then
    info "the Athena emulator did not start; last lines of $EMU_LOG:"
    tail -n 20 "$EMU_LOG" >&2 || true
    kill -TERM "$emu_pid" 2>/dev/null || true
    stop_one "moto" "$MOTO_PID_FILE"
    die "Athena emulator did not start"
  fi
  write_pid_file "$EMU_PID_FILE" "$emu_pid" "$emu_port"
  wait_for "athena-emulator" "http://127.0.0.1:$emu_port/_emulator/health" "$EMU_LOG" "$emu_pid" \
    || { stop_one "athena-emulator" "$EMU_PID_FILE"; stop_one "moto" "$MOTO_PID_FILE"; die "Athena emulator did not become healthy"; }

  # %q quotes each value for the shell, so a repository path with a space still sources.
  {
    printf '# Written by scripts/local-aws.sh up; source it: . %q\n' "$ENV_FILE"
    printf 'export %s=%q\n' \
      AWS_ENDPOINT_URL_ATHENA "http://127.0.0.1:$emu_port" \
      AWS_ENDPOINT_URL_S3 "http://127.0.0.1:$moto_port" \
      AWS_ENDPOINT_URL_STS "http://127.0.0.1:$moto_port" \
      AWS_ACCESS_KEY_ID testing \
      AWS_SECRET_ACCESS_KEY testing \
      AWS_REGION "$REGION" \
      AWS_DEFAULT_REGION "$REGION" \
      AWS_EC2_METADATA_DISABLED true \
      SOXAUTO_WORKGROUP primary \
      SOXAUTO_OUTPUT_LOCATION "$OUTPUT_LOCATION" \
      SOXAUTO_LAKE "$lake" \
      ATHENA_EMULATOR_ADMIN_URL "http://127.0.0.1:$emu_port/_emulator"
  } >"$ENV_FILE"
  info "up: Athena emulator http://127.0.0.1:$emu_port, moto http://127.0.0.1:$moto_port, lake $lake"
  info "environment: . $ENV_FILE"
}

cmd_down() {
  stop_one "athena-emulator" "$EMU_PID_FILE"
  stop_one "moto" "$MOTO_PID_FILE"
  rm -f "$ENV_FILE" "$EMU_OUT"
}

cmd_status() {
  local name file port url
  for name in moto athena-emulator; do
    if [[ "$name" == "moto" ]]; then file="$MOTO_PID_FILE"; url="/moto-api/"; else file="$EMU_PID_FILE"; url="/_emulator/health"; fi
    if is_ours "$file"; then
      port="$(port_of "$file")"
      if [[ "$(http_status GET "http://127.0.0.1:$port$url")" == "200" ]]; then
        printf '%-16s running  pid %-8s http://127.0.0.1:%s\n' "$name" "$(pid_of "$file")" "$port"
      else
        printf '%-16s NOT ANSWERING  pid %-8s http://127.0.0.1:%s\n' "$name" "$(pid_of "$file")" "$port"
      fi
    else
      printf '%-16s stopped\n' "$name"
    fi
  done
  if [[ -f "$ENV_FILE" ]]; then printf 'env file         %s\n' "$ENV_FILE"; fi
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *)
    printf 'usage: %s up|down|status\n' "$0" >&2
    exit 2
    ;;
esac
