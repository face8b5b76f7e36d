-- One wrk script for every scenario of bench/run.sh:
--   wrk ... -s bench.lua -- <key> get <path>                 GET one path
--   wrk ... -s bench.lua -- <key> handles <count>            GET /store/products/gen-<random below count>
--   wrk ... -s bench.lua -- <key> add <carts> <variants>     POST a line to the carts in turn (files of ids, one a line)
--   wrk ... -s bench.lua -- <key> complete <carts>           POST /complete once per ready cart (Idempotency-Key per request)
-- done() prints one JSON line (requests/s, latency percentiles in ms, errors, 201s, 200s) that run.sh collects.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

local function lines(path)
  local t = {}
  for line in io.lines(path) do if line ~= "" then table.insert(t, line) end end
  return t
end

function init(args)
  key, mode = args[1], args[2]
  wrk.headers["X-Publishable-Key"] = key
  wrk.headers["Accept"] = "application/json"
  created = 0
  replayed = 0
  next_index = index or 1
  stride = #threads > 0 and #threads or 2
  math.randomseed(os.time() + (index or 0) * 7919)
  if mode == "get" then
    wrk.path = args[3]
  elseif mode == "handles" then
    count = tonumber(args[3])
  elseif mode == "add" then
    carts, variants = lines(args[3]), lines(args[4])
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  elseif mode == "complete" then
    carts = lines(args[3])
    wrk.method = "POST"
    -- Each thread takes every other cart, so no cart is completed by two threads.
    next_index = index or 1
    stride = tonumber(args[4] or "2")
  end
  n = 0
end

function request()
  n = n + 1
  if mode == "get" then
    return wrk.format(nil, path)
  elseif mode == "handles" then
    return wrk.format(nil, "/store/products/gen-" .. math.random(0, count - 1))
  elseif mode == "add" then
    local cart = carts[(n % #carts) + 1]
    local variant = variants[((n * 7 + (index or 1)) % #variants) + 1]
    return wrk.format(nil, "/store/carts/" .. cart .. "/line-items", nil,
      '{"variantId":"' .. variant .. '","quantity":1}')
  else
    -- A thread past the end of its share wraps around to carts already completed: they answer 200 with their order
    -- (counted as replayed, never as created). wrk also calls request() once before the run on the first thread, so that
    -- thread's first cart is skipped.
    local i = next_index
    next_index = next_index + stride
    local cart = carts[((i - 1) % #carts) + 1]
    -- wrk.format takes these headers instead of wrk.headers, so the key is copied in.
    local headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    headers["Idempotency-Key"] = "bench-" .. (index or 0) .. "-" .. n .. "-" .. math.random(1, 1000000000)
    return wrk.format(nil, "/store/carts/" .. cart .. "/complete", headers)
  end
end

function response(status, headers, body)
  if status == 201 then created = created + 1 elseif status == 200 then replayed = replayed + 1 end
end

-- wrk decides at load time whether requests are dynamic and responses wanted: a plain GET keeps wrk's precomputed
-- request and skips response parsing (BENCH_MODE=get), so the load generator costs the same for Mercato and the ceiling.
local load_mode = os.getenv("BENCH_MODE")
if load_mode == "get" then
  request = nil
  response = nil
elseif load_mode ~= "complete" then
  response = nil
end

function done(summary, latency, requests)
  local total_created, total_replayed = 0, 0
  for _, t in ipairs(threads) do
    total_created = total_created + (t:get("created") or 0)
    total_replayed = total_replayed + (t:get("replayed") or 0)
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.3f,"p95":%.3f,"p99":%.3f,"status_errors":%d,"socket_errors":%d,"created":%d,"replayed":%d,"bytes":%d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout, total_created, total_replayed, summary.bytes))
end
