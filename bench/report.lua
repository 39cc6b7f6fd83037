-- wrk script: counts non-2xx responses and page-cache misses across threads, and prints one
-- JSON line with the latency percentiles (microseconds) for bench/run.py to read.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  misses = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  if headers["X-Page-Cache"] == "miss" then
    misses = misses + 1
  end
end

function done(summary, latency, requests)
  local non, miss = 0, 0
  for _, thread in ipairs(threads) do
    non = non + thread:get("non2xx")
    miss = miss + thread:get("misses")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"non2xx": %d, "cache_misses": %d, ' ..
    '"latency_us": {"mean": %.1f, "max": %d, "p50": %d, "p90": %d, "p95": %d, "p99": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout, non, miss,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90),
    latency:percentile(95), latency:percentile(99)))
end
