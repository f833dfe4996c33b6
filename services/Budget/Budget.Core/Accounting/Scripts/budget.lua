-- Shared by every budget script: each entry script (reserve.lua, commit.lua, ...) is appended to this
-- file before it is loaded, so one EVALSHA runs one whole decision.
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

-- Appends "name value" pairs to a ledger/event field list, skipping empty values.
local function put(fields, name, value)
  if value ~= nil and value ~= '' and value ~= false then
    fields[#fields + 1] = name
    fields[#fields + 1] = tostring(value)
  end
end

local function ledger(key, fields)
  return redis.call('XADD', key, '*', unpack(fields))
end

local function event(key, max_len, fields)
  return redis.call('XADD', key, 'MAXLEN', '~', max_len, '*', unpack(fields))
end

-- Decision inputs for the audit trail: "dim:used:reserved:allowance" per limited dimension,
-- "f<dim>:used:reserved:limit" per fleet limit, all as they were when the decision was made.
local function decision_inputs(cfg, wins, fleet_lim)
  local parts = {}
  for d = 1, 4 do
    local w = wins[DIM_WIN[d]]
    local allowance = dim_allowance(cfg, w, d)
    if allowance ~= nil then
      parts[#parts + 1] = d .. ':' .. int(dim_used(w, d)) .. ':' .. int(dim_reserved(w, d)) .. ':' .. int(allowance)
    end
  end
  for d = 1, 4 do
    local limit = fleet_lim[d]
    if limit ~= nil then
      local f = wins[DIM_WIN[d]].fleet
      parts[#parts + 1] = 'f' .. d .. ':' .. int(f[DIM_UNIT[d] .. 'u']) .. ':' .. int(f[DIM_UNIT[d] .. 'r']) .. ':' .. int(limit)
    end
  end
  return table.concat(parts, ',')
end

-- Threshold and 100% crossings, once per window and dimension (flag bits in the window's "w").
local function check_thresholds(ctx, cfg, wins, who, tier)
  for d = 1, 4 do
    local w = wins[DIM_WIN[d]]
    local limit = dim_limit(cfg, w, d)
    if limit ~= nil then
      local consumed = dim_used(w, d) + dim_reserved(w, d)
      local warn_bit, limit_bit = 2 ^ (d - 1), 2 ^ (d + 3)
      local pct = 0
      if limit > 0 then
        pct = consumed * 100 / limit
      elseif consumed > 0 then
        pct = 100
      end
      local crossings = {}
      if consumed > 0 and pct >= cfg.warn and bit.band(w.w, warn_bit) == 0 then
        w.w = bit.bor(w.w, warn_bit)
        crossings[#crossings + 1] = { E_WARNING, cfg.warn }
      end
      if consumed > 0 and pct >= 100 and bit.band(w.w, limit_bit) == 0 then
        w.w = bit.bor(w.w, limit_bit)
        crossings[#crossings + 1] = { E_LIMIT, 100 }
      end
      for i = 1, #crossings do
        local kind, threshold = crossings[i][1], crossings[i][2]
        local pct_text = string.format('%.2f', pct)
        local amount = DIM_UNIT[d] == 't' and 'k' or 'c'
        local f = { 't', L_WARNING, 'ts', int(ctx.now), 'a', who, 'tr', tier, amount, int(consumed) }
        put(f, 'msg', string.format('%s at %s%% of %s (threshold %d%%)', DIM_NAME[d], pct_text, int(limit), threshold))
        ledger(ctx.ledger, f)
        event(ctx.events, ctx.events_max, { 'e', kind, 'ts', int(ctx.now), 'a', who, 'tr', tier, 'w', DIM_NAME[d], 'th', threshold,
                                            'ut', pct_text, 'l', int(limit), 'cs', int(consumed),
                                            'we', int(window_end(d, ctx.hidx, ctx.didx)) })
      end
    end
  end
end

-- Loans recorded on a reservation: flat { lender, tier, tokens, micros, ... }.
local function loan_reply(reply, loans)
  reply[#reply + 1] = #loans / 4
  for i = 1, #loans do
    reply[#reply + 1] = loans[i]
  end
end

-- The Reservation as scripts return it: { 1, id, tier, tokens, micros, estimated output, estimate
-- mode, expire ms, create ms, remaining tokens (-1 = no limit), remaining micros, state, model,
-- agent, loan count, loans... }.
local function reservation_reply(rid, rec)
  local reply = { 1, rid, rec[R_TIER], rec[R_TOK], rec[R_COST], rec[R_OUTEST], rec[R_ESTMODE], rec[R_EXP], rec[R_CREATED],
                  rec[R_REMT], rec[R_REMC], rec[R_STATE], rec[R_MODEL], rec[R_AGENT] }
  loan_reply(reply, rec[R_LOANS])
  return reply
end

local function unpack_record(packed)
  return cmsgpack.unpack(packed)
end

-- Marks a reservation settled. The expiry index then holds it until the retention passes, when the
-- sweeper forgets it; meanwhile repeats of Commit/Release answer from the record.
local function settle(ctx, rid, rec, state)
  rec[R_STATE] = state
  rec[R_SETTLED] = ctx.now
  redis.call('HSET', ctx.res, rid, cmsgpack.pack(rec))
  redis.call('ZADD', ctx.exp, ctx.now + ctx.retention, rid)
end

-- Takes a reservation's hold off its grant windows (release and expiry).
local function return_hold(rec, day_key)
  local hw, dw = read_windows(day_key, rec[R_HIDX], rec[R_AGENT])
  local tok, cost = rec[R_TOK], rec[R_COST]
  for _, w in ipairs({ hw, dw, hw.fleet, dw.fleet }) do
    w.tr = w.tr - tok
    w.cr = w.cr - cost
  end
  write_windows(day_key, { hw, dw, hw.fleet, dw.fleet }, false, 0)
end

-- Returns an expired hold to its grant windows, records the expiry and raises the event.
local function expire_reservation(ctx, rid, rec, day_key)
  local who, tok, cost = rec[R_AGENT], rec[R_TOK], rec[R_COST]
  return_hold(rec, day_key)
  settle(ctx, rid, rec, EXPIRED)
  local f = { 't', L_EXPIRE, 'ts', int(ctx.now), 'a', who, 'tr', rec[R_TIER], 'r', rid, 'k', int(tok), 'c', int(cost) }
  put(f, 'm', rec[R_MODEL])
  put(f, 'rq', rec[R_REQ])
  put(f, 'tk', rec[R_TASK])
  put(f, 'msg', 'expired at ' .. int(rec[R_EXP]) .. ' without commit or release')
  ledger(ctx.ledger, f)
  event(ctx.events, ctx.events_max, { 'e', E_EXPIRED, 'ts', int(ctx.now), 'a', who, 'tr', rec[R_TIER], 'r', rid,
                                      'k', int(tok), 'c', int(cost), 'x', int(rec[R_EXP]), 'cr', int(rec[R_CREATED]), 'm', rec[R_MODEL] })
end

-- Works through up to `limit` due entries of the expiry index: active reservations past their
-- expiry whose grant day is one of `days` ({ didx = key }) are expired; settled ones past their
-- retention are forgotten. Returns the ids granted on other days (the caller passes their keys),
-- how many it expired and how many it forgot.
local function sweep_due(ctx, limit, days)
  local ids = redis.call('ZRANGEBYSCORE', ctx.exp, '-inf', ctx.now, 'LIMIT', 0, limit)
  local others, expired, forgotten = {}, 0, 0
  for i = 1, #ids do
    local rid = ids[i]
    local packed = redis.call('HGET', ctx.res, rid)
    if not packed then
      redis.call('ZREM', ctx.exp, rid)
    else
      local rec = unpack_record(packed)
      if rec[R_STATE] ~= ACTIVE then
        redis.call('HDEL', ctx.res, rid)
        redis.call('ZREM', ctx.exp, rid)
        forgotten = forgotten + 1
      elseif days[rec[R_DIDX]] then
        expire_reservation(ctx, rid, rec, days[rec[R_DIDX]])
        expired = expired + 1
      else
        others[#others + 1] = rid
      end
    end
  end
  return others, expired, forgotten
end
