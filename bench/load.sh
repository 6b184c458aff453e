#!/usr/bin/env bash
# Gateway load benchmark: what Arbiter adds on top of an OpenAI-compatible upstream, next to nginx as the
# "ideal pass-through proxy". Starts the mock upstream, nginx and Arbiter on 127.0.0.1, drives each with wrk at
# several concurrencies against a DELAY_MS upstream, measures added time to first token on a stream, and writes
# a markdown table plus raw JSON to bench/results/. Every process it starts is stopped by PID on exit.
# See bench/README.md for what each figure means. Run `bench/load.sh --help` for the knobs.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"

DURATION=${DURATION:-10}            # seconds of each measured wrk run
WARMUP=${WARMUP:-3}                 # seconds of unmeasured wrk load before each measured run
PRIME=${PRIME:-40}                  # seconds of unmeasured load per target at start-up: C2 keeps compiling for ~20 s
CONCURRENCY=${CONCURRENCY:-"1 64 256"}
DELAY_MS=${DELAY_MS:-50}            # upstream latency of the non-streamed runs
TARGETS=${TARGETS:-"direct nginx arbiter"}
ROUNDS=${ROUNDS:-1}                 # repeat the whole matrix; the table quotes medians
SSE_COUNT=${SSE_COUNT:-50}          # streamed requests per target for time to first token (0 = skip)
SSE_MODEL=${SSE_MODEL:-mock-t100-s20x10}
SSE_PRIME=${SSE_PRIME:-10000}       # unmeasured instant streams per target before the TTFT probe (JIT the stream path)
WRK_THREADS=${WRK_THREADS:-2}
NGINX_WORKERS=${NGINX_WORKERS:-1}
NGINX_PORT=${NGINX_PORT:-18081}
ARBITER_PORT=${ARBITER_PORT:-18080}
ARBITER_JAR=${ARBITER_JAR:-$ROOT/arbiter-cli/target/arbiter.jar}
ARBITER_JAVA_OPTS=${ARBITER_JAVA_OPTS:-}
MOCK_JAVA_OPTS=${MOCK_JAVA_OPTS:-"-Xms256m -Xmx256m"}
SKIP_BUILD=${SKIP_BUILD:-0}
SKIP_INSTALL=${SKIP_INSTALL:-0}
RESULTS_DIR=${RESULTS_DIR:-$HERE/results}

usage() {
  cat <<EOF
usage: bench/load.sh [options]    (each option also reads the environment variable in brackets)
  --duration S        measured seconds per run [DURATION=$DURATION]
  --warmup S          warm-up seconds before each run, 0 = none [WARMUP=$WARMUP]
  --concurrency LIST  connections, e.g. "1,64,256" [CONCURRENCY="$CONCURRENCY"]
  --delay-ms MS       upstream latency [DELAY_MS=$DELAY_MS]
  --targets LIST      any of direct,nginx,arbiter [TARGETS="$TARGETS"]
  --prime S           unmeasured load per target at start, 0 = none [PRIME=$PRIME]
  --rounds N          repeat the matrix N times, report medians [ROUNDS=$ROUNDS]
  --sse-count N       streamed requests per target for TTFT, 0 = skip [SSE_COUNT=$SSE_COUNT]
  --no-build          use the jars already built [SKIP_BUILD=1]
  --no-install        never apt-get install wrk/nginx/jq [SKIP_INSTALL=1]
Also: SSE_MODEL, SSE_PRIME, WRK_THREADS, NGINX_WORKERS, NGINX_PORT, ARBITER_PORT, ARBITER_JAR, ARBITER_JAVA_OPTS, MOCK_JAVA_OPTS, RESULTS_DIR.
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --delay-ms) DELAY_MS=$2; shift 2 ;;
    --targets) TARGETS=$2; shift 2 ;;
    --prime) PRIME=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --sse-count) SSE_COUNT=$2; shift 2 ;;
    --no-build) SKIP_BUILD=1; shift ;;
    --no-install) SKIP_INSTALL=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "load.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
CONCURRENCY=${CONCURRENCY//,/ }
TARGETS=${TARGETS//,/ }

log() { printf '[load.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Every run is bounded: reject values that would make it long or meaningless.
require_int() { # name value min max
  [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -ge "$3" ] && [ "$2" -le "$4" ] || die "$1 must be an integer in $3..$4, got '$2'"
}
require_int DURATION "$DURATION" 1 600
require_int WARMUP "$WARMUP" 0 120
require_int DELAY_MS "$DELAY_MS" 0 10000
require_int PRIME "$PRIME" 0 120
require_int ROUNDS "$ROUNDS" 1 20
require_int SSE_COUNT "$SSE_COUNT" 0 2000
require_int SSE_PRIME "$SSE_PRIME" 0 100000
require_int WRK_THREADS "$WRK_THREADS" 1 64
require_int NGINX_WORKERS "$NGINX_WORKERS" 1 64
for c in $CONCURRENCY; do require_int "a concurrency" "$c" 1 4096; done
for t in $TARGETS; do
  case "$t" in direct|nginx|arbiter) ;; *) die "unknown target '$t' (expected direct, nginx or arbiter)" ;; esac
done
[[ "$SSE_MODEL" =~ ^mock(-[a-z0-9x]+)*$ ]] || die "SSE_MODEL must be a mock model name like mock-t100-s20x10"

. "$HERE/lib.sh"

NOTES=()            # caveats collected during the run, printed under the table
WORK="$(mktemp -d "${TMPDIR:-/tmp}/arbiter-bench.XXXXXX")"
chmod 755 "$WORK"   # nginx workers drop to 'nobody' when started as root
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tools
build_jars
. "$ROOT/bin/find-jdk.sh"
arbiter_select_jdk
JAVA="$JAVA_HOME/bin/java"
MOCK_JAR="$HERE/target/mock-upstream.jar"
[ -f "$MOCK_JAR" ] || die "$MOCK_JAR is missing: build it with ./mvnw -B -DskipTests package -pl bench"

start_mock
ACTIVE=()
for t in $TARGETS; do
  case "$t" in
    direct) ACTIVE+=(direct) ;;
    nginx) if start_nginx; then ACTIVE+=(nginx); fi ;;
    arbiter) if start_arbiter; then ACTIVE+=(arbiter); fi ;;
  esac
done
[ ${#ACTIVE[@]} -gt 0 ] || die "no target could be started"

STAMP="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS_DIR"
RUNS="$WORK/runs.jsonl"
SSE="$WORK/sse.jsonl"
: >"$RUNS"
: >"$SSE"

for t in "${ACTIVE[@]}"; do prime "$t"; done
for round in $(seq 1 "$ROUNDS"); do
  for c in $CONCURRENCY; do
    for t in "${ACTIVE[@]}"; do
      run_load "$t" "$c" "$round" >>"$RUNS"
    done
  done
done
if [ "$SSE_COUNT" -gt 0 ]; then
  for t in "${ACTIVE[@]}"; do
    run_sse "$t" >>"$SSE"
  done
fi

write_report "$RESULTS_DIR/$STAMP"
