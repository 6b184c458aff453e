#!/usr/bin/env bash
# Runs the JMH routing-decision benchmarks (dev.arbiter.bench.routing). Any arguments go to JMH, e.g.
#   bench/jmh.sh                                        # everything (both extractors, all prompt kinds)
#   bench/jmh.sh -p extractor=heuristic                 # without embeddings only
#   bench/jmh.sh RoutingDecisionBenchmark.decide -p prompts=mix -f 1 -wi 2 -i 3
#   bench/jmh.sh -lp                                    # list benchmarks and parameters
# SKIP_BUILD=1 reuses what is built. Results (JSON) go to bench/results/jmh-<timestamp>.json.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -pl bench -am -DskipTests package
fi
. "$ROOT/bin/find-jdk.sh"
arbiter_select_jdk
CP_FILE="$HERE/target/jmh.classpath"
[ -f "$CP_FILE" ] || { echo "jmh.sh: $CP_FILE is missing: run without SKIP_BUILD=1" >&2; exit 2; }
mkdir -p "$HERE/results"
OUT="$HERE/results/jmh-$(date +%Y%m%d-%H%M%S).json"
echo "jmh.sh: results -> $OUT" >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$HERE/target/classes:$(cat "$CP_FILE")" \
  org.openjdk.jmh.Main -rf json -rff "$OUT" "$@"
