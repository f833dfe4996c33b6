-- Sweep: reclaim expired reservations and prune settled ones past their retention.
-- KEYS: 1 cfg, 2 reservations, 3 expiry index, 4 settled index, 5 ledger stream, 6 events stream,
--       then (hour window, day window) pairs: 7, 8 / 9, 10 / ...
-- ARGV: 1 events max length, 2 max reservations to reclaim, 3 settled retention ms,
--       4 max settled to prune, then (hour index, day index) pairs matching the window keys.
-- Reply: { reclaimed, pruned, id... } where the ids are expired reservations granted in windows
--        not given here (call again with their windows).

local now = now_ms(num(redis.call('HGET', KEYS[1], 'clk')))
local ctx = { now = now, res = KEYS[2], exp = KEYS[3], gc = KEYS[4], ledger = KEYS[5], events = KEYS[6], events_max = ARGV[1] }
local windows = {}
local i = 7
while KEYS[i] do
  local arg = 5 + (i - 7)
  windows[#windows + 1] = { hour = KEYS[i], day = KEYS[i + 1], hidx = tonumber(ARGV[arg]), didx = tonumber(ARGV[arg + 1]) }
  i = i + 2
end
local others, reclaimed = reclaim_expired(ctx, tonumber(ARGV[2]), windows)

local pruned = 0
local old = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[3]), 'LIMIT', 0, tonumber(ARGV[4]))
if #old > 0 then
  redis.call('HDEL', KEYS[2], unpack(old))
  redis.call('ZREM', KEYS[4], unpack(old))
  pruned = #old
end

local reply = { reclaimed, pruned }
for j = 1, #others do
  reply[#reply + 1] = others[j]
end
return reply
