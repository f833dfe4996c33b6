-- The second half of the shared library (after counters.lua): ledger and event records, threshold
-- crossings, reservation records, settlement and expiry.

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
