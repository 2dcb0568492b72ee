-- Wrong PINs on one extension: every "wrong" answer must be a stored failure (G5, I5).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"number":"06131-62468-12","pin":"9137"}'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() wrong = 0; locked = 0; other = 0 end
function response(status)
  if status == 401 then wrong = wrong + 1
  elseif status == 429 then locked = locked + 1
  else other = other + 1 end
end
function done()
  local w, l, o = 0, 0, 0
  for _, t in ipairs(threads) do w = w + t:get("wrong"); l = l + t:get("locked"); o = o + t:get("other") end
  io.write(string.format("answers: wrong=%d throttled_or_locked=%d other=%d\n", w, l, o))
end
