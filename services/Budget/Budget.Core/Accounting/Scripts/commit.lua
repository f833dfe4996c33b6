-- Commit: settle a reservation with the actual usage. The hold leaves the grant windows and the
-- usage is charged to them as it is (money was spent), even beyond the hold or the limit; the part
-- beyond the allowance is recorded as overage.
-- KEYS: 1 cfg, 2 reservations, 3 expiry index, 4 grant day counters, 5 ledger stream,
--       6 events stream, 7 output samples
-- ARGV: 1 reservation id, 2 input tokens, 3 output tokens, 4 cost (-1 = from the reserved prices),
--       5 model ('' = as reserved), 6 day counters ttl s, 7 events max length, 8 output sample size,
--       9 settled retention ms
-- Reply: { tokens, micros, held tokens, held micros, overage tokens, overage micros, expired 1/0,
--        duplicate 1/0 } or { -1, code, detail }.

local rid = ARGV[1]
local packed = redis.call('HGET', KEYS[2], rid)
if not packed then
  return { -1, 'RESERVATION_NOT_FOUND', rid }
end
local rec = unpack_record(packed)
local who = rec[R_AGENT]
local cfgv = redis.call('HMGET', KEYS[1], 'clk', 'a:' .. who)
local now = now_ms(num(cfgv[1]))

local in_tok, out_tok = tonumber(ARGV[2]), tonumber(ARGV[3])
local tok = in_tok + out_tok
local cost = tonumber(ARGV[4])
if cost < 0 then
  cost = cost_of(in_tok, out_tok, rec[R_INP], rec[R_OUTP])
end

local function reply(duplicate)
  return { rec[R_CTOK], rec[R_CCOST], rec[R_TOK], rec[R_COST], rec[R_OVT], rec[R_OVC], rec[R_EXPD], duplicate }
end

local state = rec[R_STATE]
if state == COMMITTED then
  if rec[R_CTOK] == tok and rec[R_CCOST] == cost then
    return reply(1)
  end
  return { -1, 'ALREADY_COMMITTED', int(rec[R_CTOK]) .. ' tokens / ' .. int(rec[R_CCOST]) .. ' micro-USD' }
end
if state == RELEASED then
  return { -1, 'ALREADY_RELEASED', rid }
end

-- An EXPIRED reservation's hold was already returned: only the usage is charged.
local held_tok, held_cost = 0, 0
if state == ACTIVE then
  held_tok, held_cost = rec[R_TOK], rec[R_COST]
end
local expired = (state == EXPIRED or now > rec[R_EXP]) and 1 or 0

local ctx = { now = now, hidx = rec[R_HIDX], didx = rec[R_DIDX], res = KEYS[2], exp = KEYS[3], ledger = KEYS[5], events = KEYS[6],
              events_max = ARGV[7], retention = tonumber(ARGV[9]) }
local hw, dw, fresh = read_windows(KEYS[4], rec[R_HIDX], who)
local wins = { hw, dw }
for _, w in ipairs({ hw, dw, hw.fleet, dw.fleet }) do
  w.tu = w.tu + tok
  w.tr = w.tr - held_tok
  w.cu = w.cu + cost
  w.cr = w.cr - held_cost
end

-- Overage: what this commit charged beyond both its hold and the allowance.
local cfg = agent_cfg(cfgv[2])
local ov_tok, ov_cost = 0, 0
if cfg then
  local charged = { tok - held_tok, tok - held_tok, cost - held_cost, cost - held_cost }
  for d = 1, 4 do
    local w = wins[DIM_WIN[d]]
    local allowance = dim_allowance(cfg, w, d)
    if allowance ~= nil and charged[d] > 0 then
      local over = math.min(charged[d], dim_used(w, d) + dim_reserved(w, d) - allowance)
      if over > 0 then
        if DIM_UNIT[d] == 't' then
          w.to = w.to + over
          ov_tok = math.max(ov_tok, over)
        else
          w.co = w.co + over
          ov_cost = math.max(ov_cost, over)
        end
      end
    end
  end
  check_thresholds(ctx, cfg, wins, who, rec[R_TIER])
end
write_windows(KEYS[4], { hw, dw, hw.fleet, dw.fleet }, fresh, ARGV[6])

local model = ARGV[5]
if model == '' then
  model = rec[R_MODEL]
end
rec[R_CTOK], rec[R_CCOST], rec[R_OVT], rec[R_OVC], rec[R_EXPD], rec[R_CMODEL] = tok, cost, ov_tok, ov_cost, expired, model
settle(ctx, rid, rec, COMMITTED)

-- Observed output lengths feed p95 reservation sizing (a ring of the last N per agent).
if cfg and cfg.est == 2 then
  local seen = redis.call('HINCRBY', KEYS[7], who .. ':n', 1)
  redis.call('HSET', KEYS[7], who .. ':' .. ((seen - 1) % tonumber(ARGV[8])), int(out_tok))
end

local f = { 't', L_COMMIT, 'ts', int(now), 'a', who, 'tr', rec[R_TIER], 'r', rid, 'k', int(tok), 'c', int(cost),
            'hk', int(held_tok), 'hc', int(held_cost) }
put(f, 'm', model)
put(f, 'rq', rec[R_REQ])
put(f, 'tk', rec[R_TASK])
put(f, 'ik', rec[R_IDEM])
if ov_tok > 0 or ov_cost > 0 then
  put(f, 'ok', int(ov_tok))
  put(f, 'oc', int(ov_cost))
end
if expired == 1 then
  put(f, 'msg', 'committed after the reservation expired')
end
if cfg then
  put(f, 'd', decision_inputs(cfg, wins, {}))
end
ledger(KEYS[5], f)
if ov_tok > 0 or ov_cost > 0 then
  event(KEYS[6], ARGV[7], { 'e', E_OVERAGE, 'ts', int(now), 'a', who, 'tr', rec[R_TIER], 'r', rid, 'k', int(tok), 'c', int(cost),
                            'x', int(rec[R_EXP]), 'cr', int(rec[R_CREATED]), 'm', model, 'ok', int(ov_tok), 'oc', int(ov_cost) })
end
return reply(0)
