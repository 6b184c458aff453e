# Turns bench/load.sh's raw JSON ({meta, notes, runs, sse}) into the markdown report.
# "Added" figures pair each run with the direct run of the same round and concurrency, then take medians.

def median: if length == 0 then null else sort | if length % 2 == 1 then .[length / 2 | floor]
  else (.[length / 2 - 1] + .[length / 2]) / 2 end end;
def ms: if . == null then "–" else (. / 10 | round / 100 | tostring) end;          # µs -> ms, 2 decimals
def signed: if . == null then "–" else (round | tostring) | if startswith("-") then . else "+" + . end end;
def times: if . == null then "–" else (. * 100 | round / 100 | tostring) + "x" end;
def mb: if . == null or . == 0 then "–" else (. / 1024 | round | tostring) end;
def num: if . == null then "–" else (round | tostring) end;
def rps: if . == null then "–" elif . < 100 then (. * 10 | round / 10 | tostring) else (round | tostring) end;
def order: {"direct": 0, "nginx": 1, "arbiter": 2}[.] // 9;
def ratio($a; $b): if $a == null or $b == null or $b <= 0 then null else $a / $b end;
def verdict(ok): if ok == null then "n/a" elif ok then "PASS" else "FAIL" end;

.meta as $m | .runs as $runs | .sse as $sse |
def peer($t; $c; $r): first($runs[] | select(.target == $t and .c == $c and .round == $r)) // null;

($runs | map(. as $x | peer("direct"; $x.c; $x.round) as $d | peer("nginx"; $x.c; $x.round) as $n | $x + {
    added_p50: (if $d then $x.p50_us - $d.p50_us else null end),
    added_p99: (if $d then $x.p99_us - $d.p99_us else null end),
    nginx_added_p50: (if $d and $n then $n.p50_us - $d.p50_us else null end)})
  | group_by([.c, (.target | order)])
  | map({target: .[0].target, c: .[0].c, rounds: length,
      rps: (map(.rps) | median), p50: (map(.p50_us) | median), p99: (map(.p99_us) | median),
      added_p50: (map(.added_p50 | values) | median), added_p99: (map(.added_p99 | values) | median),
      nginx_added_p50: (map(.nginx_added_p50 | values) | median),
      errors: (map(.errors) | add), cpu: (map(.cpu_us_per_req | values) | median), rss: (map(.rss_kb) | max)})
  | map(. + {vs_nginx: (if .target == "arbiter" then ratio(.added_p50; .nginx_added_p50) else null end)})
) as $rows |

"# Gateway load benchmark — \($m.date)",
"",
"Upstream: mock, \($m.delay_ms) ms per answer. \($m.duration_s) s measured per run after \($m.warmup_s) s warm-up, \($m.rounds) round(s) (figures are medians over rounds). Loopback only.",
"Machine: \($m.cores) cores, \($m.cpu). \($m.java); \($m.wrk); \($m.nginx) (\($m.nginx_workers) worker). Commit \($m.commit).",
"",
"| target | c | RPS | p50 ms | p99 ms | added p50 µs | added p99 µs | added p50 ÷ nginx's | errors | CPU µs/req | RSS MB |",
"|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
($rows[] | "| \(.target) | \(.c) | \(.rps | rps) | \(.p50 | ms) | \(.p99 | ms) | "
  + (if .target == "direct" then "– | – | – " else "\(.added_p50 | signed) | \(.added_p99 | signed) | \(.vs_nginx | times) " end)
  + "| \(.errors) | \(.cpu | num) | \(.rss | mb) |"),
"",
"Added = target minus direct at the same concurrency, same round. CPU and RSS are the gateway's (nginx: master + workers; direct: the mock's own). RSS is the peak during the measured run.",
"",
(if ($sse | length) > 0 then
  (first($sse[] | select(.target == "direct")) // null) as $d |
  "## Time to first token (\($m.sse_model), streamed, c=1)",
  "",
  "| target | ok/count | TTFT p50 ms | TTFT p99 ms | added p50 µs | added p99 µs |",
  "|---|--:|--:|--:|--:|--:|",
  ($sse | sort_by(.target | order)[] |
    "| \(.target) | \(.ok)/\(.count) | \(.ttft_p50_us | ms) | \(.ttft_p99_us | ms) | "
    + (if .target == "direct" or $d == null then "– | – |"
       else "\(.ttft_p50_us - $d.ttft_p50_us | signed) | \(.ttft_p99_us - $d.ttft_p99_us | signed) |" end)
    + (if .first_error then " first error: \(.first_error)" else "" end)),
  "",
  "TTFT = request sent to first data event with non-empty content. With few samples p99 is close to the maximum.",
  ""
else empty end),
(($rows | map(select(.target == "arbiter"))) as $arb |
 if ($arb | length) > 0 then
  "## Targets (Arbiter, 2 cores)",
  "",
  ($arb[] | "- c=\(.c): added p50 \(.added_p50 | signed) µs vs nginx's \(.nginx_added_p50 | signed) µs → \(.vs_nginx | times) (target ≤ 1.5x): \(verdict(if .vs_nginx == null then null else .vs_nginx <= 1.5 end))"),
  ($arb[] | select(.c == 64) | "- c=64: added p99 \(.added_p99 | signed) µs (target < 1000 µs): \(verdict(if .added_p99 == null then null else .added_p99 < 1000 end))"),
  ""
 else empty end),
"## Notes",
"",
(.notes[] | "- \(.)"),
"- Generator, mock and gateways share the same cores: compare ratios within one run, repeat (ROUNDS) and quote medians; absolute figures move 10–30% between runs.",
"- wrk is closed-loop: at high concurrency a saturated target's p99 is mostly queueing."
