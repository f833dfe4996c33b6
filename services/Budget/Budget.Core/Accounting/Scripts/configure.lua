-- Configure: replace the fleet's mirrored configuration (agents, limits, tier lending lists) with
-- a newer version from PostgreSQL, and record the change. An older version never overwrites a
-- newer one, so concurrent writers on several replicas converge on the latest.
-- KEYS: 1 cfg, 2 ledger stream, 3 events stream
-- ARGV: 1 version, 2 events max length, 3 agent id ('' = fleet-level), 4 event type (0 = none),
--       5 ledger message ('' = no ledger entry), then field, value pairs of the whole mirror.
-- Reply: 1 if the mirror was replaced, 0 if it already held this version or a newer one.

local version = tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'v')) or -1
local replaced = 0
if version > current then
  local clk = redis.call('HGET', KEYS[1], 'clk')
  redis.call('DEL', KEYS[1])
  local args = { KEYS[1], 'v', ARGV[1] }
  if clk then
    args[#args + 1] = 'clk'
    args[#args + 1] = clk
  end
  local i = 6
  while ARGV[i] do
    args[#args + 1] = ARGV[i]
    args[#args + 1] = ARGV[i + 1]
    i = i + 2
  end
  redis.call('HSET', unpack(args))
  replaced = 1
end

local now = now_ms(num(redis.call('HGET', KEYS[1], 'clk')))
if ARGV[5] ~= '' then
  local f = { 't', L_CONFIG, 'ts', int(now) }
  put(f, 'a', ARGV[3])
  put(f, 'msg', ARGV[5])
  ledger(KEYS[2], f)
end
if ARGV[4] ~= '0' then
  local e = { 'e', ARGV[4], 'ts', int(now) }
  put(e, 'a', ARGV[3])
  put(e, 'v', ARGV[1])
  event(KEYS[3], ARGV[2], e)
end
return replaced
