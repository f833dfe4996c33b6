-- Reserve: grant or deny one hold, atomically, and record the decision in the ledger.
-- KEYS: 1 cfg, 2 day counters, 3 reservations, 4 expiry index, 5 idempotency key, 6 ledger stream,
--       7 events stream
-- ARGV: 1 hour index, 2 day index (as the caller computed them), 3 agent, 4 reservation id,
--       5 input tokens, 6 output tokens held, 7 estimate mode, 8 input price, 9 output price,
--       10 cost held, 11 priced (1/0), 12 model, 13 ttl ms (0 = fleet default), 14 tier override
--       (0 = none), 15 request id, 16 task id, 17 idempotency key, 18 request fingerprint,
--       19 idempotency ttl ms, 20 day counters ttl s, 21 events max length, 22 settled retention ms
-- Reply: a reservation (see reservation_reply), { 0, reason, retry ms, tokens, available tokens,
--        micros, available micros, message } for a denial, { -1, code, detail } for an error,
--        { -2, hour index, day index } when the caller's window guess was wrong (retry with these).

local agent = ARGV[3]
local cfgv = redis.call('HMGET', KEYS[1], 'clk', 'f:th', 'f:td', 'f:ch', 'f:cd', 'f:ttl', 'spare', 'a:' .. agent)
local now = now_ms(num(cfgv[1]))

local prior = redis.call('GET', KEYS[5])
if prior then
  local fingerprint, reply = cmsgpack.unpack(prior)
  if fingerprint ~= ARGV[18] then
    return { -1, 'IDEMPOTENCY_KEY_REUSED', ARGV[17] }
  end
  return reply
end

local hidx, didx = math.floor(now / HOUR_MS), math.floor(now / DAY_MS)
if hidx ~= tonumber(ARGV[1]) or didx ~= tonumber(ARGV[2]) then
  return { -2, hidx, didx }
end

local cfg = agent_cfg(cfgv[8])
if not cfg then
  return { -1, 'AGENT_NOT_FOUND', agent }
end
if cfg.state ~= 1 then
  return { -1, 'AGENT_RETIRED', agent }
end
local tier = cfg.tier
local override = tonumber(ARGV[14])
if override > 0 then
  if override < tier then
    return { -1, 'TIER_OVERRIDE_ABOVE_AGENT', tostring(tier) }
  end
  tier = override
end
local fleet_lim = { tonumber(cfgv[2]), tonumber(cfgv[3]), tonumber(cfgv[4]), tonumber(cfgv[5]) }
if ARGV[11] ~= '1' and (cfg.lim[3] or cfg.lim[4] or fleet_lim[3] or fleet_lim[4]) then
  return { -1, 'PRICE_REQUIRED', agent }
end
local spare_only = string.sub(cfgv[7] or '', tier, tier) == '1'

local day_key = KEYS[2]
local ctx = { now = now, hidx = hidx, didx = didx, res = KEYS[3], exp = KEYS[4], ledger = KEYS[6], events = KEYS[7],
              events_max = ARGV[21], retention = tonumber(ARGV[22]) }
local tok, cost = tonumber(ARGV[5]) + tonumber(ARGV[6]), tonumber(ARGV[10])
local q = { tok, tok, cost, cost }

-- Lenders of the borrower's tier, in borrowing order (mirrored from the tier policies).
local lender_ids = nil
local function lenders()
  if lender_ids == nil then
    lender_ids = {}
    local list = redis.call('HGET', KEYS[1], 't' .. tier .. ':lend')
    if list then
      for id in string.gmatch(list, '[^,]+') do
        lender_ids[#lender_ids + 1] = id
      end
    end
  end
  return lender_ids
end

-- Plans loans covering `need` in shared dimension d: { { lender, tier, amount, window }, ... } or
-- nil if it cannot be covered; plus what could be borrowed in total and the lenders' total limit.
local function plan_loans(d, need)
  local ids = lenders()
  if #ids == 0 then
    return nil, 0, 0
  end
  local cfg_fields, win_fields = {}, {}
  for i = 1, #ids do
    cfg_fields[i] = 'a:' .. ids[i]
    win_fields[i] = DIM_WIN[d] == 1 and (ids[i] .. '@' .. hidx) or ids[i]
  end
  local cfgs = redis.call('HMGET', KEYS[1], unpack(cfg_fields))
  local states = redis.call('HMGET', day_key, unpack(win_fields))
  local plan, remaining, borrowable, capacity = {}, need, 0, 0
  for i = 1, #ids do
    local lender = agent_cfg(cfgs[i])
    if lender and lender.state == 1 and lender.lim[d] ~= nil then
      local w = unpack_window(states[i])
      w.field = win_fields[i]
      local limit = lender.lim[d] + w.ra
      capacity = capacity + limit
      local spare = limit - w.l - dim_used(w, d) - dim_reserved(w, d)
      if spare > 0 then
        borrowable = borrowable + spare
        if remaining > 0 then
          local take = math.min(spare, remaining)
          remaining = remaining - take
          plan[#plan + 1] = { ids[i], lender.tier, take, w }
        end
      end
    end
  end
  if remaining > 0 then
    return nil, borrowable, capacity
  end
  return plan, borrowable, capacity
end

-- The decision on the current windows: loans per shared dimension, or why not.
local function decide(wins)
  local plans = {}
  for d = 1, 4 do
    local w = wins[DIM_WIN[d]]
    local allowance = dim_allowance(cfg, w, d)
    if allowance ~= nil then
      local used, reserved = dim_used(w, d), dim_reserved(w, d)
      local need = used + reserved + q[d] - allowance
      if need > 0 then
        local plan, borrowable, capacity = nil, 0, 0
        -- An agent in overage (used > allowance) is not lent more: its window is closed.
        if DIM_SHARED[d] and not spare_only and used <= allowance then
          plan, borrowable, capacity = plan_loans(d, need)
        end
        if plan then
          plans[d] = plan
        else
          local reason = DIM_DENIAL[d]
          if q[d] > dim_limit(cfg, w, d) + capacity then
            reason = DENIAL_TOO_LARGE
          elseif spare_only and DIM_SHARED[d] then
            reason = DENIAL_NO_SPARE
          end
          return { reason = reason, dim = d, available = math.max(0, allowance - used - reserved) + borrowable,
                   room = allowance + borrowable - used }
        end
      end
    end
  end
  for d = 1, 4 do
    local limit = fleet_lim[d]
    if limit ~= nil then
      local f = wins[DIM_WIN[d]].fleet
      local used, reserved = f[DIM_UNIT[d] .. 'u'], f[DIM_UNIT[d] .. 'r']
      if used + reserved + q[d] > limit then
        return { reason = q[d] > limit and DENIAL_TOO_LARGE or DENIAL_FLEET, dim = d,
                 available = math.max(0, limit - used - reserved), room = limit - used }
      end
    end
  end
  return { plans = plans }
end

local hw, dw, fresh = read_windows(day_key, hidx, agent)
local outcome = decide({ hw, dw })
if outcome.reason and outcome.reason ~= DENIAL_TOO_LARGE then
  -- Before refusing, take back holds whose callers vanished (the sweeper would, a little later).
  local _, expired = sweep_due(ctx, 16, { [didx] = day_key })
  if expired > 0 then
    hw, dw, fresh = read_windows(day_key, hidx, agent)
    outcome = decide({ hw, dw })
  end
end
local wins = { hw, dw }
local model, request_id, task_id, idem_key = ARGV[12], ARGV[15], ARGV[16], ARGV[17]

if outcome.reason then
  local reason, d, available = outcome.reason, outcome.dim, outcome.available
  hw.dn = hw.dn + 1
  dw.dn = dw.dn + 1
  write_windows(day_key, { hw, dw }, fresh, ARGV[20])
  local retry = -1
  if reason ~= DENIAL_TOO_LARGE then
    retry = window_end(d, hidx, didx) - now
    -- The request fits once held budget comes back (in-flight calls settle within seconds):
    -- worth retrying well before the window ends.
    if q[d] <= outcome.room then
      retry = math.min(retry, 1000)
    end
  end
  local unit = DIM_UNIT[d] == 't' and 'tokens' or 'micro-USD'
  local scope = reason == DENIAL_FLEET and 'the fleet' or ('agent ' .. agent)
  local message = string.format('%s: %s %s requested, %s available in %s (%s)', DIM_NAME[d], int(q[d]), unit, int(available), scope,
                                reason == DENIAL_TOO_LARGE and 'the request exceeds the whole limit' or
                                ('window resets in ' .. int(math.ceil((window_end(d, hidx, didx) - now) / 1000)) .. ' s'))
  local avail_tok, avail_cost = -1, -1
  if DIM_UNIT[d] == 't' then
    avail_tok = available
  else
    avail_cost = available
  end
  local f = { 't', L_DENIAL, 'ts', int(now), 'a', agent, 'tr', tier, 'k', int(tok), 'c', int(cost), 'dr', reason }
  put(f, 'm', model)
  put(f, 'rq', request_id)
  put(f, 'tk', task_id)
  put(f, 'ik', idem_key)
  put(f, 'd', decision_inputs(cfg, wins, fleet_lim))
  put(f, 'msg', message)
  ledger(KEYS[6], f)
  event(KEYS[7], ARGV[21], { 'e', E_DENIAL, 'ts', int(now), 'a', agent, 'tr', tier, 'dr', reason, 'ra', int(retry),
                             'k', int(tok), 'ak', int(avail_tok), 'c', int(cost), 'ac', int(avail_cost), 'msg', message })
  return { 0, reason, retry, tok, avail_tok, cost, avail_cost, message }
end

-- Granted: lend first (the allowance recorded in the ledger includes the loans), then hold.
local writes = { hw, dw, hw.fleet, dw.fleet }
local loans, by_lender = {}, {}
for d = 1, 4 do
  local plan = outcome.plans[d]
  if plan then
    local w = wins[DIM_WIN[d]]
    for i = 1, #plan do
      local lender, lender_tier, amount, lender_window = plan[i][1], plan[i][2], plan[i][3], plan[i][4]
      w.b = w.b + amount
      lender_window.l = lender_window.l + amount
      writes[#writes + 1] = lender_window
      local loan = by_lender[lender]
      if not loan then
        loan = { lender, lender_tier, 0, 0 }
        by_lender[lender] = loan
        loans[#loans + 1] = loan
      end
      if DIM_UNIT[d] == 't' then
        loan[3] = loan[3] + amount
      else
        loan[4] = loan[4] + amount
      end
    end
  end
end

local inputs = decision_inputs(cfg, wins, fleet_lim)
for _, w in ipairs(wins) do
  w.tr = w.tr + tok
  w.cr = w.cr + cost
  w.n = w.n + 1
  w.fleet.tr = w.fleet.tr + tok
  w.fleet.cr = w.fleet.cr + cost
end
check_thresholds(ctx, cfg, wins, agent, tier)
write_windows(day_key, writes, fresh, ARGV[20])

local remaining = { -1, -1 }
for d = 1, 4 do
  local w = wins[DIM_WIN[d]]
  local allowance = dim_allowance(cfg, w, d)
  if allowance ~= nil then
    local left = math.max(0, allowance - dim_used(w, d) - dim_reserved(w, d))
    local slot = DIM_UNIT[d] == 't' and 1 or 2
    if remaining[slot] < 0 or left < remaining[slot] then
      remaining[slot] = left
    end
  end
end

local ttl = tonumber(ARGV[13])
if ttl <= 0 then
  ttl = tonumber(cfgv[6]) or 60000
end
local flat_loans = {}
for i = 1, #loans do
  for j = 1, 4 do
    flat_loans[#flat_loans + 1] = loans[i][j]
  end
end
local rid = ARGV[4]
local rec = { ACTIVE, agent, tier, tok, cost, hidx, didx, now + ttl, now, tonumber(ARGV[8]), tonumber(ARGV[9]), model,
              tonumber(ARGV[6]), tonumber(ARGV[7]), request_id, task_id, idem_key, flat_loans, remaining[1], remaining[2],
              0, 0, 0, 0, 0, 0, '' }
redis.call('HSET', KEYS[3], rid, cmsgpack.pack(rec))
redis.call('ZADD', KEYS[4], now + ttl, rid)
local reply = reservation_reply(rid, rec)
redis.call('SET', KEYS[5], cmsgpack.pack(ARGV[18], reply), 'PX', ARGV[19])

local f = { 't', L_GRANT, 'ts', int(now), 'a', agent, 'tr', tier, 'r', rid, 'k', int(tok), 'c', int(cost), 'x', int(now + ttl) }
put(f, 'm', model)
put(f, 'rq', request_id)
put(f, 'tk', task_id)
put(f, 'ik', idem_key)
put(f, 'd', inputs)
ledger(KEYS[6], f)
if #loans > 0 then
  local parts = {}
  for i = 1, #loans do
    local loan = loans[i]
    local b = { 't', L_BORROW, 'ts', int(now), 'a', agent, 'tr', tier, 'r', rid, 'o', loan[1], 'k', int(loan[3]), 'c', int(loan[4]) }
    put(b, 'msg', 'lent by ' .. loan[1] .. ' (tier ' .. loan[2] .. ') for the rest of the window')
    ledger(KEYS[6], b)
    parts[#parts + 1] = loan[1] .. ':' .. loan[2] .. ':' .. int(loan[3]) .. ':' .. int(loan[4])
  end
  event(KEYS[7], ARGV[21], { 'e', E_BORROW, 'ts', int(now), 'a', agent, 'tr', tier, 'r', rid, 'k', int(tok), 'c', int(cost),
                             'x', int(now + ttl), 'cr', int(now), 'm', model, 'ln', table.concat(parts, ';') })
end
return reply
