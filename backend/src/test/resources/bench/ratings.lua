-- wrk script for POST /api/v1/ratings: each request is a distinct, valid rating with its own
-- Idempotency-Key. Request `index` is resident floor(index / 57) rating illegal-construction site
-- index % 57 + 1 once (that campaign's rule), so none is refused as "already rated". The ids of
-- acknowledged ratings go to ACK_DIR. TOKENS_FILE, REGIONS, RUN and ACK_DIR are filled in by
-- RatingLoadBenchmark before wrk starts.
local tokens_file = "TOKENS_FILE"
local regions = { REGIONS }
local run = "RUN"
local ack_dir = "ACK_DIR"
local sites = #regions

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  for line in io.lines(tokens_file) do
    tokens[#tokens + 1] = line
  end
  n = 0
  created = 0
  other = 0
  acks = io.open(ack_dir .. "/ack-" .. id .. ".txt", "w")
  acks:setvbuf("line")
end

function request()
  -- Threads interleave: thread k of T sends indexes k, k + T, k + 2T, ...
  local index = id + n * THREADS
  n = n + 1
  local resident = math.floor(index / sites)
  local site = index % sites + 1
  local level = index % 5 + 1
  local reason = level <= 2 and "not-thorough" or "thorough"
  local body = string.format('{"campaignCode":"illegal-construction","formVersion":1,"subjectId":"ic-%03d","regionCode":"%s",'
    .. '"level":%d,"reasonTags":["%s"],"indicatorScores":{"overall":%d},"comment":"基准测试评价"}',
    site, regions[site], level, reason, level)
  return wrk.format("POST", "/api/v1/ratings", {
    ["Authorization"] = "Bearer " .. tokens[resident % #tokens + 1],
    ["Idempotency-Key"] = string.format("bench-%s-%08d", run, index),
    ["Content-Type"] = "application/json"
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    acks:write(body:match('"id":"([^"]+)"'), "\n")
  else
    other = other + 1
    if other <= 3 then
      io.stderr:write("unexpected " .. status .. ": " .. body .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local acknowledged, refused = 0, 0
  for _, thread in ipairs(threads) do
    acknowledged = acknowledged + thread:get("created")
    refused = refused + thread:get("other")
  end
  io.write(string.format("RESULT acknowledged=%d other=%d seconds=%.3f p50=%.2f p90=%.2f p99=%.2f max=%.2f errors=%d\n",
    acknowledged, refused, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
