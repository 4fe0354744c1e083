-- Load for `ledger serve --http` from wrk (a C load generator), so that the server's own CPU per
-- append can be measured without Swift clients sharing the cores (docs/SERVICE.md, "Capacity").
-- Every request records a new CouncilResolutionPassed by gov-001 under a fresh id; the token comes
-- from $LEDGER_TOKEN (a secretariat token). Loopback only:
--   LEDGER_TOKEN=... wrk -t1 -c64 -d8s -s Tools/service/wrk-append.lua http://127.0.0.1:PORT/v1/events
local token = os.getenv("LEDGER_TOKEN") or ""
math.randomseed(os.time())
local run = tostring(math.random(1, 1000000000))
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format(
    '{"id":"wrk-%s-%d","type":"CouncilResolutionPassed","occurredAt":"2026-12-01","actor":"gov-001",' ..
    '"data":{"resolutionId":"W%s-%d","title":"wrk load"}}', run, counter, run, counter)
  return wrk.format("POST", "/v1/events",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
