-- wrk script for scripts/bench-serve.sh: each request is the next of a list of realistic API
-- queries (different actors, dyads, date ranges, pages), so the benchmark does not measure one
-- cached answer. SERVE_BENCH_ENDPOINT=events|aggregates chooses the list.
local endpoint = os.getenv("SERVE_BENCH_ENDPOINT") or "events"
local actors = {"RUS", "UKR", "USA", "CHN", "KAZ", "ARM", "AZE", "BLR", "TUR", "IRN",
                "RUSGOV", "UKRMIL", "USAGOV", "IGOEURCSTO", "IGOUNO", "CHNGOV"}
local paths = {}

if endpoint == "events" then
  for i, a in ipairs(actors) do
    for page = 0, 9 do
      table.insert(paths, "/api/events?actor=" .. a .. "&limit=50&offset=" .. (page * 50))
    end
    local b = actors[(i % #actors) + 1]
    table.insert(paths, "/api/events?dyad=" .. a .. "-" .. b .. "&limit=50")
    table.insert(paths, "/api/events?country=" .. a:sub(1, 3) .. "&from=" .. (2015 + i % 10) ..
                 "-01-01&to=" .. (2015 + i % 10) .. "-12-31&limit=50")
    table.insert(paths, "/api/events?actor=" .. a .. "&quad=4&sort=-goldstein&limit=25")
    table.insert(paths, "/api/events?actor=" .. a .. "&cameo=04&limit=25")
  end
  for q = 1, 4 do table.insert(paths, "/api/events?quad=" .. q .. "&limit=50") end
  table.insert(paths, "/api/events?limit=50")
elseif endpoint == "aggregates" then
  for i, a in ipairs(actors) do
    table.insert(paths, "/api/aggregates?group=dyad&period=month&actor=" .. a .. "&limit=200")
    table.insert(paths, "/api/aggregates?group=quad&period=day&actor=" .. a .. "&limit=10000")
    table.insert(paths, "/api/aggregates?group=dyad&period=none&actor=" .. a .. "&limit=60")
    table.insert(paths, "/api/aggregates?group=quad&period=month&country=" .. a:sub(1, 3))
  end
  table.insert(paths, "/api/aggregates?group=dyad&period=none&limit=60")
  table.insert(paths, "/api/aggregates?group=quad&period=month")
  table.insert(paths, "/api/aggregates?group=dyad&period=year&limit=500")
else
  error("SERVE_BENCH_ENDPOINT must be events or aggregates")
end

local counter = 0
function setup(thread)
  -- SERVE_BENCH_LIST=1: print the paths (for the script's priming pass) instead of measuring.
  if counter == 0 and os.getenv("SERVE_BENCH_LIST") == "1" then
    for _, p in ipairs(paths) do io.write("PATH " .. p .. "\n") end
  end
  thread:set("offset", counter * 7)
  counter = counter + 1
end

local n = 0
function request()
  n = n + 1
  local i = ((n + (offset or 0)) % #paths) + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("distinct paths: %d, non-2xx answers: %d, socket errors: %d\n", #paths,
                         non2xx, summary.errors.connect + summary.errors.read +
                         summary.errors.write + summary.errors.timeout))
end
