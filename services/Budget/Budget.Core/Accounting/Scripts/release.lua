-- Release: return a reservation's hold unused. Idempotent: a RELEASED or EXPIRED reservation is
-- reported as already settled; a COMMITTED one cannot be released.
-- KEYS: 1 cfg, 2 reservations, 3 expiry index, 4 grant day counters, 5 ledger stream
-- ARGV: 1 reservation id, 2 release reason (proto ReleaseReason number), 3 message, 4 settled retention ms
-- Reply: { tokens returned, micros returned, already settled 1/0 } or { -1, code, detail }.

local rid = ARGV[1]
local packed = redis.call('HGET', KEYS[2], rid)
if not packed then
  return { -1, 'RESERVATION_NOT_FOUND', rid }
end
local rec = unpack_record(packed)
local state = rec[R_STATE]
if state == COMMITTED then
  return { -1, 'ALREADY_COMMITTED', rid }
end
if state ~= ACTIVE then
  return { 0, 0, 1 }
end

local now = now_ms(num(redis.call('HGET', KEYS[1], 'clk')))
local ctx = { now = now, res = KEYS[2], exp = KEYS[3], retention = tonumber(ARGV[4]) }
return_hold(rec, KEYS[4])
settle(ctx, rid, rec, RELEASED)

local f = { 't', L_RELEASE, 'ts', int(now), 'a', rec[R_AGENT], 'tr', rec[R_TIER], 'r', rid, 'k', int(rec[R_TOK]), 'c', int(rec[R_COST]) }
put(f, 'm', rec[R_MODEL])
put(f, 'rq', rec[R_REQ])
put(f, 'tk', rec[R_TASK])
put(f, 'ik', rec[R_IDEM])
put(f, 'rr', ARGV[2] ~= '0' and ARGV[2] or nil)
put(f, 'msg', ARGV[3])
ledger(KEYS[5], f)
return { rec[R_TOK], rec[R_COST], 0 }
