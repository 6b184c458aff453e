#!/usr/bin/env bash
# Build-time tools of arbiter-embeddings, run from anywhere (they work relative to the repository root):
#   arbiter-embeddings/embeddings.sh train  [--per-task 400] [--head 96 --tail 32] [--data DIR] [--out FILE]
#       retrains src/main/resources/arbiter/embeddings/task-classifier.json (deterministic)
#   arbiter-embeddings/embeddings.sh report [--weights 0.3,0.5,0.7] [...same options]
#       task-type accuracy with and without embeddings -> arbiter-embeddings/target/embedding-report.md
#   arbiter-embeddings/embeddings.sh replay [--bar 0.8]
#       quality model + cheapest-meeting-bar on each held-out RouterBench task, both ways
#       -> arbiter-embeddings/target/embedding-replay.md (trains 6 base profiles: several minutes)
# Embeddings are cached in arbiter-embeddings/target/embedding-cache.bin (a first run embeds ~3,200 prompts).
# SKIP_BUILD=1 reuses what is built.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$ROOT"
case "${1:-}" in
  train) MAIN=dev.arbiter.embeddings.TrainTaskClassifier ;;
  report) MAIN=dev.arbiter.embeddings.EmbeddingReport ;;
  replay) MAIN=dev.arbiter.embeddings.EmbeddingReplay ;;
  *) echo "usage: $0 train|report|replay [--option value ...]" >&2; exit 2 ;;
esac
shift
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -pl arbiter-embeddings -am -DskipTests package
fi
. "$ROOT/bin/find-jdk.sh"
arbiter_select_jdk
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" "$MAIN" "$@"
