-- wrk script for bench/load.sh: POSTs a small OpenAI chat completion request and, when the run ends, prints
-- one line "BENCHJSON {...}" with requests/s, latency percentiles in microseconds and error counts.
-- BENCH_MODEL (env) is the model name to send: a mock model for direct/nginx, a catalog id for Arbiter.
local model = os.getenv("BENCH_MODEL") or "mock"

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench"
wrk.body = '{"model":"' .. model .. '","messages":[' ..
  '{"role":"system","content":"You are a helpful assistant."},' ..
  '{"role":"user","content":"Say hello in one short sentence."}],"max_tokens":32}'

-- No response() callback on purpose: defining one makes wrk parse every body and costs generator CPU;
-- wrk already counts non-2xx/3xx answers in summary.errors.status.
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCHJSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d,"mean_us":%.1f,' ..
    '"err_connect":%d,"err_read":%d,"err_write":%d,"err_timeout":%d,"err_status":%d,"errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean,
    e.connect, e.read, e.write, e.timeout, e.status,
    e.connect + e.read + e.write + e.timeout + e.status))
end
