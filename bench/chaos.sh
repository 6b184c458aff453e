#!/usr/bin/env bash
# Long chaos run: the gateway in front of fake upstreams that fail 20% of calls in every way (429 with Retry-After,
# 500/503, resets, stalls before the first token and midway, garbled SSE) plus repeated outages of one deployment,
# against a clean baseline. Prints success rate, failures by kind and the latency the faults add, as markdown
# (also saved to bench/results/chaos-<timestamp>.md). Everything runs in one JVM on 127.0.0.1.
# usage: bench/chaos.sh [seconds per run, default 60] [client threads, default 4] [fault rate, default 0.2]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
. "$ROOT/bin/find-jdk.sh"
arbiter_select_jdk
SECONDS_PER_RUN=${1:-60}
CLIENTS=${2:-4}
RATE=${3:-0.2}
cd "$ROOT"
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -q -B -pl arbiter-server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="arbiter-server/target/test-classes:arbiter-server/target/classes:arbiter-testing/target/classes:arbiter-core/target/classes:$(cat "$CP_FILE")"
mkdir -p "$HERE/results"
OUT="$HERE/results/chaos-$(date +%Y%m%d-%H%M%S).md"
# The fakes run on the JDK HttpServer, which leaves Nagle on unless told (40 ms stalls on streamed writes).
"$JAVA_HOME/bin/java" -Xmx512m -Dsun.net.httpserver.nodelay=true -cp "$CP" dev.arbiter.server.chaos.ChaosBench "$SECONDS_PER_RUN" "$CLIENTS" "$RATE" 2>"$OUT.log" | tee "$OUT"
echo "(saved to $OUT)"
