-- wrk script: every page type in turn (paths from the BENCH_PATHS environment variable,
-- space-separated), with bench/report.lua's counting and JSON line.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "%S+") do
  table.insert(paths, path)
end
local counter = 0

function request()
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end
