# Functions for bench/load.sh (sourced, not run): tools, processes, one load run, one SSE run, the report.
# Reads the settings and WORK, JAVA, MOCK_JAR, NOTES set by load.sh.

PIDS=()          # every process this script started, stopped by cleanup in reverse order

cleanup() {
  local rc=$? i pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}"; done
  if [ $rc -ne 0 ] && [ -d "${WORK:-}" ]; then
    log "failed (exit $rc); logs kept in $WORK"
  elif [ -d "${WORK:-}" ]; then
    rm -rf "$WORK"
  fi
}

stop_pid() { # pid: TERM, then KILL after 5 s
  local pid=$1 n
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for n in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# --- tools -------------------------------------------------------------------------------------------------

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  if [[ " $TARGETS " == *" nginx "* ]] && ! nginx_bin >/dev/null; then missing+=(nginx-light); fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$SKIP_INSTALL" = 1 ] || [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    log "missing ${missing[*]} and not installing (SKIP_INSTALL=1, not root or no apt-get)"
  else
    apt_install "${missing[@]}"
  fi
  command -v wrk >/dev/null || die "wrk is required (apt-get install wrk)"
  command -v jq >/dev/null || die "jq is required (apt-get install jq)"
  command -v curl >/dev/null || die "curl is required (apt-get install curl)"
  if [[ " $TARGETS " == *" nginx "* ]] && ! nginx_bin >/dev/null; then
    NOTES+=("nginx is not installed and could not be installed: the nginx target was skipped")
  fi
}

apt_install() { # packages...: apt-get update once, then install; nginx failing is tolerated by the caller
  local made_policy=0 rc=0
  # Debian's nginx packages start a system nginx on port 80 unless policy-rc.d says no: we only want the binary.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  log "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || log "apt-get update failed"
  local pkg
  for pkg in "$@"; do
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null 2>&1 \
      || { log "apt-get install $pkg failed"; rc=1; }
  done
  [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  return $rc
}

nginx_bin() {
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; }
}

build_jars() {
  [ "$SKIP_BUILD" = 1 ] && return 0
  local modules=bench
  [[ " $TARGETS " == *" arbiter "* ]] && modules=arbiter-cli,bench
  log "building $modules with ./mvnw"
  if ! (cd "$ROOT" && ./mvnw -q -B -DskipTests package -pl "$modules" -am) >"$WORK/build.log" 2>&1; then
    [ "$modules" = bench ] && { cat "$WORK/build.log" >&2; die "the bench module did not build"; }
    log "building arbiter-cli failed (see below); retrying with the bench module only"
    tail -n 20 "$WORK/build.log" >&2
    NOTES+=("arbiter-cli did not build: the arbiter target was skipped")
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package -pl bench -am) >"$WORK/build.log" 2>&1 \
      || { cat "$WORK/build.log" >&2; die "the bench module did not build"; }
  fi
}

# --- processes ---------------------------------------------------------------------------------------------

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() { # preferred: the first free port from there on
  local p=$1
  while port_in_use "$p"; do p=$((p + 1)); [ $p -lt $(($1 + 100)) ] || die "no free port near $1"; done
  echo "$p"
}

http_status() { # url [body]: the HTTP status, or 000 when nothing answered
  if [ $# -gt 1 ]; then
    curl -s -o "$WORK/last-body" -w '%{http_code}' -m 10 -H 'Content-Type: application/json' -d "$2" "$1" || true
  else
    curl -s -o "$WORK/last-body" -w '%{http_code}' -m 5 "$1" || true
  fi
}

wait_ready() { # name pid url seconds: wait for a 200 on url while pid lives
  local name=$1 pid=$2 url=$3 deadline=$((SECONDS + $4))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$pid" 2>/dev/null || { log "$name exited during start-up"; return 1; }
    [ "$(http_status "$url")" = 200 ] && return 0
    sleep 0.2
  done
  log "$name was not ready after $4 s"
  return 1
}

chat_body() { # model [stream]
  printf '{"model":"%s","messages":[{"role":"user","content":"Say hello."}],"max_tokens":8%s}' \
    "$1" "${2:+,\"stream\":true}"
}

smoke() { # name url model: one real request must answer 200
  local status
  status=$(http_status "$2" "$(chat_body "$3")")
  [ "$status" = 200 ] && return 0
  log "$1 answered HTTP $status to a chat request for '$3': $(head -c 400 "$WORK/last-body" 2>/dev/null)"
  return 1
}

start_mock() {
  # shellcheck disable=SC2086
  "$JAVA" $MOCK_JAVA_OPTS -jar "$MOCK_JAR" --port 0 >"$WORK/mock.out" 2>"$WORK/mock.err" &
  MOCK_PID=$!
  PIDS+=("$MOCK_PID")
  local deadline=$((SECONDS + 30))
  until MOCK_PORT=$(awk '/^LISTENING /{print $2; exit}' "$WORK/mock.out") && [ -n "$MOCK_PORT" ]; do
    kill -0 "$MOCK_PID" 2>/dev/null || { cat "$WORK/mock.err" >&2; die "the mock upstream exited"; }
    [ $SECONDS -lt $deadline ] || die "the mock upstream did not start in 30 s"
    sleep 0.1
  done
  wait_ready mock "$MOCK_PID" "http://127.0.0.1:$MOCK_PORT/health" 10 || die "the mock upstream is not answering"
  smoke mock "http://127.0.0.1:$MOCK_PORT/v1/chat/completions" mock || die "the mock upstream is broken"
  log "mock upstream on 127.0.0.1:$MOCK_PORT (pid $MOCK_PID)"
}

start_nginx() {
  local bin
  bin=$(nginx_bin) || return 1
  NGINX_PORT=$(free_port "$NGINX_PORT")
  mkdir -p "$WORK/nginx/tmp" && chmod 777 "$WORK/nginx/tmp"
  sed -e "s|@WORKERS@|$NGINX_WORKERS|g" -e "s|@DIR@|$WORK/nginx|g" -e "s|@PORT@|$NGINX_PORT|g" \
    -e "s|@MOCK_PORT@|$MOCK_PORT|g" "$HERE/nginx.conf.template" >"$WORK/nginx/nginx.conf"
  "$bin" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx/stdout" 2>&1 &
  NGINX_PID=$!
  PIDS+=("$NGINX_PID")
  if wait_ready nginx "$NGINX_PID" "http://127.0.0.1:$NGINX_PORT/health" 15 \
    && smoke nginx "http://127.0.0.1:$NGINX_PORT/v1/chat/completions" mock; then
    log "nginx $("$bin" -v 2>&1 | sed 's/.*nginx\///') on 127.0.0.1:$NGINX_PORT (pid $NGINX_PID, $NGINX_WORKERS worker)"
    return 0
  fi
  cat "$WORK/nginx/stdout" "$WORK/nginx/error.log" 2>/dev/null | tail -n 10 >&2
  NOTES+=("nginx did not start: the nginx target was skipped")
  return 1
}

arbiter_model() { # upstream mock model -> the catalog id Arbiter serves it as (mock-d50 -> mock/d50)
  if [ "$1" = mock ]; then echo mock/instant; else echo "mock/${1#mock-}"; fi
}

start_arbiter() {
  local jar=$ARBITER_JAR
  [ -f "$jar" ] || { NOTES+=("$jar is missing: the arbiter target was skipped"); return 1; }
  ARBITER_PORT=$(free_port "$ARBITER_PORT")
  write_arbiter_config "$WORK/arbiter.yaml"
  # shellcheck disable=SC2086
  ARBITER_DATA_DIR="$WORK/data" "$JAVA" $ARBITER_JAVA_OPTS -jar "$jar" serve --port "$ARBITER_PORT" --config "$WORK/arbiter.yaml" \
    >"$WORK/arbiter.log" 2>&1 &
  ARBITER_PID=$!
  PIDS+=("$ARBITER_PID")
  if wait_ready arbiter "$ARBITER_PID" "http://127.0.0.1:$ARBITER_PORT/ready" 90 \
    && smoke arbiter "http://127.0.0.1:$ARBITER_PORT/v1/chat/completions" "$(arbiter_model "mock-d$DELAY_MS")"; then
    log "arbiter on 127.0.0.1:$ARBITER_PORT (pid $ARBITER_PID)"
    return 0
  fi
  log "arbiter log (last lines):"
  tail -n 15 "$WORK/arbiter.log" >&2 || true
  stop_pid "$ARBITER_PID"
  NOTES+=("arbiter did not start or answer (\`arbiter.jar serve\` not working yet?): the arbiter target was skipped")
  return 1
}

write_arbiter_config() { # file: the gateway's YAML, one catalog entry per mock model used
  local m
  {
    echo "server: {host: 127.0.0.1, port: $ARBITER_PORT}"
    echo "providers:"
    echo "  - {id: mock, type: openai, base_url: \"http://127.0.0.1:$MOCK_PORT/v1\", api_key: none}"
    echo "models:"
    for m in mock "mock-d$DELAY_MS" "$SSE_MODEL" "$SSE_PRIME_MODEL"; do
      echo "  - id: $(arbiter_model "$m")"
      echo "    provider: mock"
      echo "    upstream_model: $m"
      echo "    price: {input: 0.10, output: 0.40}"
      echo "    context_window: 128000"
      echo "    capabilities: [tools, json_schema]"
    done
  } >"$1"
}

# --- measuring ---------------------------------------------------------------------------------------------

target_url() {
  case "$1" in
    direct) echo "http://127.0.0.1:$MOCK_PORT/v1/chat/completions" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT/v1/chat/completions" ;;
    arbiter) echo "http://127.0.0.1:$ARBITER_PORT/v1/chat/completions" ;;
  esac
}

target_model() { # target upstream-model
  if [ "$1" = arbiter ]; then arbiter_model "$2"; else echo "$2"; fi
}

target_pid() { # the process whose memory and CPU count as the gateway's (the mock for direct)
  case "$1" in direct) echo "$MOCK_PID" ;; nginx) echo "$NGINX_PID" ;; arbiter) echo "$ARBITER_PID" ;; esac
}

tree_pids() { # pid: it and its children (nginx workers)
  echo "$1"
  cat /proc/"$1"/task/*/children 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+$' || true
}

tree_rss_kb() {
  local total=0 p v
  for p in $(tree_pids "$1"); do
    v=$(awk '/^VmRSS:/{print $2}' "/proc/$p/status" 2>/dev/null || true)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

tree_cpu_ns() { # on-CPU nanoseconds of every thread of pid and its children (/proc/*/task/*/schedstat)
  local p
  for p in $(tree_pids "$1"); do cat /proc/"$p"/task/*/schedstat 2>/dev/null || true; done | awk '{t += $1} END {printf "%.0f", t}'
}

sample_peak_rss() { # pid file: keeps the peak RSS (kB) seen in file until killed
  local pid=$1 out=$2 peak=0 now
  while kill -0 "$pid" 2>/dev/null; do
    now=$(tree_rss_kb "$pid")
    # write then rename: the sampler is killed at any moment and must never leave a half-written file
    if [ "$now" -gt "$peak" ]; then peak=$now; echo "$peak" >"$out.tmp" && mv -f "$out.tmp" "$out"; fi
    sleep 0.2
  done
}

run_wrk() { # url model connections seconds outfile
  local threads=$WRK_THREADS
  [ "$3" -lt "$threads" ] && threads=$3
  BENCH_MODEL=$2 timeout $(($4 + 60)) wrk -t "$threads" -c "$3" -d "${4}s" --timeout 10s \
    -s "$HERE/chat.lua" "$1" >"$5" 2>&1 || log "wrk exited with status $? (see $5)"
}

run_load() { # target connections round: prints one JSON line
  local t=$1 c=$2 round=$3 url model pid out="$WORK/wrk-$1-$2-$3.txt" sampler cpu0 cpu1 line
  url=$(target_url "$t")
  model=$(target_model "$t" "mock-d$DELAY_MS")
  pid=$(target_pid "$t")
  log "round $round: $t c=$c (${WARMUP}s warm-up, ${DURATION}s measured)"
  [ "$WARMUP" -gt 0 ] && run_wrk "$url" "$model" "$c" "$WARMUP" "$WORK/warmup.txt"
  echo 0 >"$WORK/rss-peak"
  sample_peak_rss "$pid" "$WORK/rss-peak" &
  sampler=$!
  PIDS+=("$sampler")
  cpu0=$(tree_cpu_ns "$pid")
  run_wrk "$url" "$model" "$c" "$DURATION" "$out"
  cpu1=$(tree_cpu_ns "$pid")
  stop_pid "$sampler"
  line=$(sed -n 's/^BENCHJSON //p' "$out" | tail -n 1)
  if [ -z "$line" ]; then
    log "wrk printed no result for $t c=$c: $(tail -n 3 "$out" | tr '\n' ' ')"
    line='{"requests":0,"rps":0,"errors":-1}'
  fi
  jq -c --arg t "$t" --argjson c "$c" --argjson round "$round" --argjson rss "$(cat "$WORK/rss-peak" 2>/dev/null || echo 0)" \
    --argjson cpu_ns "$((cpu1 - cpu0))" \
    '{target: $t, c: $c, round: $round} + . + {rss_kb: $rss,
      cpu_us_per_req: (if .requests > 0 and $cpu_ns >= 0 then ($cpu_ns / 1000 / .requests | round) else null end)}' <<<"$line"
}

prime() { # target: unmeasured load so the JIT has compiled the hot paths before run 1
  [ "$PRIME" -gt 0 ] || return 0
  # Half with the instant model (many requests: the CPU-heavy paths), then the measured upstream's shape at c=64 and
  # c=1: a 50 ms upstream makes every read wait, which runs other code (park/unpark, pollers) that a JVM otherwise
  # compiles during the first measured c=1 run (~1 s of C2 time in its first 10 s, measured).
  local half=$(( (PRIME + 1) / 2 )) quarter=$(( (PRIME + 3) / 4 )) measured
  measured=$(target_model "$1" "mock-d$DELAY_MS")
  log "priming $1 for $((half + 2 * quarter))s"
  run_wrk "$(target_url "$1")" "$(target_model "$1" mock)" 16 "$half" "$WORK/prime-$1.txt"
  run_wrk "$(target_url "$1")" "$measured" 64 "$quarter" "$WORK/prime-$1-64.txt"
  run_wrk "$(target_url "$1")" "$measured" 1 "$quarter" "$WORK/prime-$1-1.txt"
}

SSE_PRIME_MODEL=mock-t0-s20 # instant streams of 20 chunks: the stream path's code, compiled before TTFT is measured

run_sse() { # target: prints one JSON line of time-to-first-token figures
  local t=$1 line
  if [ "$SSE_PRIME" -gt 0 ]; then
    # The load runs are not streamed, so without this the probe measured a stream path still being compiled
    # (+2.7 ms TTFT through Arbiter in run F; about +1.3-1.8 ms once compiled).
    log "SSE: priming $t with $SSE_PRIME instant streams"
    timeout 600 "$JAVA" -cp "$MOCK_JAR" dev.arbiter.bench.SseProbe --url "$(target_url "$t")" \
      --model "$(target_model "$t" "$SSE_PRIME_MODEL")" --count "$SSE_PRIME" --warmup 0 --label prime \
      >/dev/null 2>"$WORK/sse-prime-$t.err" || log "priming streams failed for $t: $(tail -n 3 "$WORK/sse-prime-$t.err")"
  fi
  log "SSE: $t, $SSE_COUNT streamed requests with $SSE_MODEL at c=1"
  line=$(timeout 600 "$JAVA" -cp "$MOCK_JAR" dev.arbiter.bench.SseProbe --url "$(target_url "$t")" \
    --model "$(target_model "$t" "$SSE_MODEL")" --count "$SSE_COUNT" --warmup 5 --label "$t" 2>"$WORK/sse-$t.err") \
    || { log "the SSE probe failed for $t: $(tail -n 3 "$WORK/sse-$t.err")"; return 0; }
  jq -c --arg t "$t" '{target: $t} + .' <<<"$line"
}

# --- report ------------------------------------------------------------------------------------------------

write_report() { # path prefix: writes PREFIX.json and PREFIX.md and prints the markdown
  local prefix=$1 notes
  notes=$(printf '%s\n' "${NOTES[@]+"${NOTES[@]}"}" | jq -R . | jq -s 'map(select(length > 0))')
  jq -n --slurpfile runs "$WORK/runs.jsonl" --slurpfile sse "$WORK/sse.jsonl" --argjson notes "$notes" \
    --argjson meta "$(run_meta)" '{meta: $meta, notes: $notes, runs: $runs, sse: $sse}' >"$prefix.json"
  jq -r -f "$HERE/report.jq" "$prefix.json" >"$prefix.md"
  cat "$prefix.md"
  log "wrote $prefix.md and $prefix.json"
}

run_meta() {
  jq -n --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    --arg cpu "$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)" --argjson cores "$(nproc)" \
    --arg java "$("$JAVA" -version 2>&1 | head -n 1)" --arg wrk "$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)" \
    --arg nginx "$( (nginx_bin >/dev/null && "$(nginx_bin)" -v 2>&1) || echo none)" \
    --argjson duration "$DURATION" --argjson warmup "$WARMUP" --argjson delay "$DELAY_MS" \
    --argjson rounds "$ROUNDS" --argjson prime "$PRIME" --arg sse_model "$SSE_MODEL" --argjson nginx_workers "$NGINX_WORKERS" \
    --arg arbiter_opts "$ARBITER_JAVA_OPTS" \
    '{date: $date, commit: $commit, cpu: $cpu, cores: $cores, java: $java, wrk: $wrk, nginx: $nginx,
      duration_s: $duration, warmup_s: $warmup, prime_s: $prime, delay_ms: $delay, rounds: $rounds, sse_model: $sse_model,
      nginx_workers: $nginx_workers, arbiter_java_opts: $arbiter_opts}'
}
