-- wrk script: each request GETs the next of the paths given after `--`, in turn.
local paths = {}
local i = 0

function init(args)
  for _, a in ipairs(args) do
    paths[#paths + 1] = a
  end
end

function request()
  i = (i % #paths) + 1
  return wrk.format("GET", paths[i])
end
