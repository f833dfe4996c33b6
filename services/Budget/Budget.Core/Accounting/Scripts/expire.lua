-- Sweep: reclaim expired reservations and forget settled ones past their retention.
-- KEYS: 1 cfg, 2 reservations, 3 expiry index, 4 ledger stream, 5 events stream, then the day
--       counters of the grant days handled here: 6, 7, ...
-- ARGV: 1 events max length, 2 max entries to work through, 3 settled retention ms, then the day
--       index of each day key, in the same order.
-- Reply: { expired, forgotten, id... } where the ids are expired reservations granted on days not
--        given here (call again with their day keys).

local now = now_ms(num(redis.call('HGET', KEYS[1], 'clk')))
local ctx = { now = now, res = KEYS[2], exp = KEYS[3], ledger = KEYS[4], events = KEYS[5], events_max = ARGV[1],
              retention = tonumber(ARGV[3]) }
local days = {}
local i = 6
while KEYS[i] do
  days[tonumber(ARGV[i - 2])] = KEYS[i]
  i = i + 1
end
local others, expired, forgotten = sweep_due(ctx, tonumber(ARGV[2]), days)
local reply = { expired, forgotten }
for j = 1, #others do
  reply[#reply + 1] = others[j]
end
return reply
