-- wrk script: replay pre-signed provider notifications, each once, split across wrk threads.
-- Lines: path<TAB>Header: value|Header: value<TAB>body; ZB_CALLBACK_PATH sends them elsewhere.
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

function init(args)
  -- args: file, wrk threads, first line to use (the warm-up and the measured run use
  -- different lines, so no notification is sent twice).
  local file, threads, first = args[1], tonumber(args[2]), tonumber(args[3] or "0")
  reqs = {}
  local i = 0
  for line in io.lines(file) do
    if i >= first and (i - first) % threads == tid then
      local path, headers, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      path = os.getenv("ZB_CALLBACK_PATH") or path
      local h = {}
      for pair in headers:gmatch("[^|]+") do
        local k, v = pair:match("^([^:]+): (.*)$")
        h[k] = v
      end
      reqs[#reqs + 1] = wrk.format("POST", path, h, body)
    end
    i = i + 1
  end
  n = 0
end

function request()
  n = n + 1
  return reqs[((n - 1) % #reqs) + 1]
end
