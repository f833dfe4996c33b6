-- The shared library of every budget script, first half: constants, configuration, window counters
-- and the limit rules. counters.lua, records.lua and one entry script (reserve.lua, commit.lua, ...)
-- are concatenated before loading, so one EVALSHA runs one whole decision.
--
-- Every key a script touches arrives in KEYS, and all keys of a fleet carry the same hash tag
-- ({fleet}), so the scripts run unchanged on a Redis Cluster: one fleet = one slot.
-- "now" comes from Redis TIME inside the script (plus the fleet's clock offset, 0 outside tests):
-- with Redis 7 effects replication, replicas and AOF replay the writes, never the clock.
--
-- Counters live in one hash per UTC day ("d:<day>"): field "<agent>" holds the agent's day window,
-- "<agent>@<hour>" its window for one clock hour of that day, "*" and "*@<hour>" the fleet's, each
-- packed as "tu,tr,cu,cr,b,l,ra,w,n,dn,to,co": tokens used/reserved, micro-dollars used/reserved,
-- borrowed/lent/reallocated of the window's shared budget (tokens in hour windows, micro-dollars
-- in day windows), warning flags, grants, denials, token/micro-dollar overage. One HMGET and one
-- HSET read and write every window a decision touches; the hash expires a week after its day.

local HOUR_MS = 3600000
local DAY_MS = 86400000

-- Reservation states (proto ReservationState).
local ACTIVE, COMMITTED, RELEASED, EXPIRED = 1, 2, 3, 4

-- Ledger entry types (proto LedgerEntryType) and event types (proto BudgetEventType).
local L_GRANT, L_COMMIT, L_RELEASE, L_EXPIRE, L_DENIAL, L_BORROW, L_REALLOC, L_CONFIG, L_EXTEND, L_WARNING = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
local E_WARNING, E_LIMIT, E_DENIAL, E_REALLOC, E_BORROW, E_OVERAGE, E_EXPIRED = 1, 2, 3, 4, 5, 6, 7

-- The four limited dimensions: 1 tokens/hour, 2 tokens/day, 3 USD/hour, 4 USD/day.
-- DIM_WIN: 1 = hour window, 2 = day window. Tokens/hour and USD/day are the tier-shared budgets
-- (borrowing, lending, reallocation); the other two are caps an agent sets on itself.
local DIM_WIN = { 1, 2, 1, 2 }
local DIM_UNIT = { 't', 't', 'c', 'c' }
local DIM_SHARED = { true, false, false, true }
local DIM_NAME = { 'hourly_tokens', 'daily_tokens', 'hourly_usd', 'daily_usd' }
local DIM_DENIAL = { 1, 2, 3, 4 }
local DENIAL_FLEET, DENIAL_NO_SPARE, DENIAL_TOO_LARGE = 5, 6, 7

-- Reservation record (cmsgpack array) positions.
local R_STATE, R_AGENT, R_TIER, R_TOK, R_COST, R_HIDX, R_DIDX, R_EXP, R_CREATED = 1, 2, 3, 4, 5, 6, 7, 8, 9
local R_INP, R_OUTP, R_MODEL, R_OUTEST, R_ESTMODE, R_REQ, R_TASK, R_IDEM, R_LOANS = 10, 11, 12, 13, 14, 15, 16, 17, 18
local R_REMT, R_REMC, R_CTOK, R_CCOST, R_OVT, R_OVC, R_EXPD, R_SETTLED, R_CMODEL = 19, 20, 21, 22, 23, 24, 25, 26, 27

-- Integers go back to Redis with %d: Lua's default number format switches to exponents above 1e14.
local function int(x)
  return string.format('%d', x)
end

local function num(v)
  return tonumber(v) or 0
end

local function now_ms(clock_offset)
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + clock_offset
end

-- Cost in micro-dollars = ceil((in * inPrice + out * outPrice) / 1e6), exact in doubles: prices are
-- split at 1e6 so no product exceeds 2^53 for the validated ranges (tokens <= 1e9, price <= 1e12).
local function cost_of(in_tok, out_tok, in_price, out_price)
  local in_hi, in_lo = math.floor(in_price / 1000000), in_price % 1000000
  local out_hi, out_lo = math.floor(out_price / 1000000), out_price % 1000000
  local low = in_tok * in_lo + out_tok * out_lo
  return in_tok * in_hi + out_tok * out_hi + math.ceil(low / 1000000)
end

-- An agent's mirrored configuration: "state,tier,th,td,ch,cd,warn,estimate" (empty limit = none).
local function agent_cfg(packed)
  if not packed then
    return nil
  end
  local st, tier, th, td, ch, cd, wp, est = string.match(packed, '^(%d+),(%d+),(%d*),(%d*),(%d*),(%d*),(%d+),(%d+)$')
  if not st then
    return nil
  end
  return { state = tonumber(st), tier = tonumber(tier), lim = { tonumber(th), tonumber(td), tonumber(ch), tonumber(cd) },
           warn = tonumber(wp), est = tonumber(est) }
end

-- One packed window state <-> a table of its twelve counters.
local WINDOW_PATTERN = '^(%-?%d+),(%-?%d+),(%-?%d+),(%-?%d+),(%-?%d+),(%-?%d+),(%-?%d+),(%-?%d+),(%-?%d+),(%-?%d+),(%-?%d+),(%-?%d+)$'

local function unpack_window(packed)
  if packed then
    local tu, tr, cu, cr, b, l, ra, w, n, dn, to, co = string.match(packed, WINDOW_PATTERN)
    if tu then
      return { tu = tonumber(tu), tr = tonumber(tr), cu = tonumber(cu), cr = tonumber(cr), b = tonumber(b), l = tonumber(l),
               ra = tonumber(ra), w = tonumber(w), n = tonumber(n), dn = tonumber(dn), to = tonumber(to), co = tonumber(co) }
    end
  end
  return { tu = 0, tr = 0, cu = 0, cr = 0, b = 0, l = 0, ra = 0, w = 0, n = 0, dn = 0, to = 0, co = 0 }
end

local function pack_window(w)
  return string.format('%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d', w.tu, w.tr, w.cu, w.cr, w.b, w.l, w.ra, w.w, w.n, w.dn, w.to, w.co)
end

-- The hour and day windows of `who` (and of the fleet, as .fleet) in one HMGET; .fresh when the
-- day hash has not been initialised yet (it then gets its TTL on write).
local function read_windows(key, hidx, who)
  local hour_field = who .. '@' .. hidx
  local v = redis.call('HMGET', key, hour_field, who, '*@' .. hidx, '*', '_')
  local hw, dw = unpack_window(v[1]), unpack_window(v[2])
  hw.field, dw.field = hour_field, who
  hw.fleet, dw.fleet = unpack_window(v[3]), unpack_window(v[4])
  hw.fleet.field, dw.fleet.field = '*@' .. hidx, '*'
  return hw, dw, not v[5]
end

-- Writes windows (tables carrying .field) back in one HSET; a fresh day hash gets its TTL.
local function write_windows(key, windows, fresh, ttl_seconds)
  local args = { key }
  for i = 1, #windows do
    args[#args + 1] = windows[i].field
    args[#args + 1] = pack_window(windows[i])
  end
  if fresh then
    args[#args + 1] = '_'
    args[#args + 1] = '1'
  end
  redis.call('HSET', unpack(args))
  if fresh then
    redis.call('EXPIRE', key, ttl_seconds)
  end
end

local function dim_used(w, d)
  return w[DIM_UNIT[d] .. 'u']
end

local function dim_reserved(w, d)
  return w[DIM_UNIT[d] .. 'r']
end

-- The agent's own effective limit of a dimension: its limit plus what reallocation moved in or out.
local function dim_limit(cfg, w, d)
  local limit = cfg.lim[d]
  if limit == nil then
    return nil
  end
  if DIM_SHARED[d] then
    return limit + w.ra
  end
  return limit
end

-- What the agent may hold in a dimension right now: effective limit - lent out + borrowed.
local function dim_allowance(cfg, w, d)
  local limit = dim_limit(cfg, w, d)
  if limit == nil then
    return nil
  end
  if DIM_SHARED[d] then
    return limit - w.l + w.b
  end
  return limit
end

local function window_end(d, hidx, didx)
  if DIM_WIN[d] == 1 then
    return (hidx + 1) * HOUR_MS
  end
  return (didx + 1) * DAY_MS
end
