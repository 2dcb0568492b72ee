-- Logins on the three sample extensions with their default PIN: each one hashes (argon2id).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local ext = 10 + (n % 3)
  return wrk.format(nil, "/api/login", nil,
    string.format('{"number":"06131-62468-%d","pin":"0000"}', ext))
end
