-- ExtendReservation: push an ACTIVE reservation's expiry to now + ttl.
-- KEYS: 1 cfg, 2 reservations, 3 expiry index, 4 grant day counters, 5 ledger stream, 6 events stream
-- ARGV: 1 reservation id, 2 ttl ms, 3 events max length, 4 settled retention ms
-- Reply: the reservation (see reservation_reply) or { -1, code, detail }.

local rid = ARGV[1]
local packed = redis.call('HGET', KEYS[2], rid)
if not packed then
  return { -1, 'RESERVATION_NOT_FOUND', rid }
end
local rec = unpack_record(packed)
if rec[R_STATE] ~= ACTIVE then
  return { -1, 'NOT_ACTIVE', tostring(rec[R_STATE]) }
end

local now = now_ms(num(redis.call('HGET', KEYS[1], 'clk')))
local ctx = { now = now, hidx = rec[R_HIDX], didx = rec[R_DIDX], res = KEYS[2], exp = KEYS[3], ledger = KEYS[5], events = KEYS[6],
              events_max = ARGV[3], retention = tonumber(ARGV[4]) }
if rec[R_EXP] <= now then
  -- Past its expiry but not swept yet: it is expired, so settle it as such rather than revive it.
  expire_reservation(ctx, rid, rec, KEYS[4])
  return { -1, 'NOT_ACTIVE', tostring(EXPIRED) }
end

local previous = rec[R_EXP]
rec[R_EXP] = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[2], rid, cmsgpack.pack(rec))
redis.call('ZADD', KEYS[3], rec[R_EXP], rid)
local f = { 't', L_EXTEND, 'ts', int(now), 'a', rec[R_AGENT], 'tr', rec[R_TIER], 'r', rid, 'x', int(rec[R_EXP]) }
put(f, 'm', rec[R_MODEL])
put(f, 'msg', 'expiry moved from ' .. int(previous) .. ' to ' .. int(rec[R_EXP]))
ledger(KEYS[5], f)
return reservation_reply(rid, rec)
