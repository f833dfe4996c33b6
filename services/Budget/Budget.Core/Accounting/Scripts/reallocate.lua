-- Reallocate: move unused budget between agents for the rest of the current windows (tokens in
-- the hour window, micro-dollars in the day window), re-checked here so a move never takes budget
-- that was consumed since it was planned. The fleet total is unchanged: what one agent gains,
-- another loses.
-- KEYS: 1 cfg, 2 day counters, 3 ledger stream
-- ARGV: 1 hour index, 2 day index, 3 reallocation id, 4 floor percent (a donor keeps at least this
--       share of its own limit), 5 day counters ttl s, then per move: from, to, tokens, micros,
--       reason (5 values each)
-- Reply: { from, to, tokens, micros, ... } for the moves applied (possibly smaller than planned),
--        or { -2, hour index, day index } when the windows are not the current ones.

local now = now_ms(num(redis.call('HGET', KEYS[1], 'clk')))
local hidx, didx = math.floor(now / HOUR_MS), math.floor(now / DAY_MS)
if hidx ~= tonumber(ARGV[1]) or didx ~= tonumber(ARGV[2]) then
  return { -2, hidx, didx }
end
local floor_pct = tonumber(ARGV[4])
local applied = {}

-- How much of dimension d the donor can give: its unused allowance, keeping the floor.
local function donatable(cfg, w, d)
  local own = cfg.lim[d]
  if own == nil then
    return 0
  end
  local unused = dim_allowance(cfg, w, d) - dim_used(w, d) - dim_reserved(w, d)
  local above_floor = dim_limit(cfg, w, d) - math.ceil(own * floor_pct / 100)
  return math.max(0, math.min(unused, above_floor))
end

local i = 6
while ARGV[i] do
  local from, to, want_tok, want_cost, reason = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3]), ARGV[i + 4]
  i = i + 5
  local cfgv = redis.call('HMGET', KEYS[1], 'a:' .. from, 'a:' .. to)
  local donor, recipient = agent_cfg(cfgv[1]), agent_cfg(cfgv[2])
  if donor and recipient and donor.state == 1 and recipient.state == 1 and from ~= to then
    local fhw, fdw, fresh = read_windows(KEYS[2], hidx, from)
    local thw, tdw = read_windows(KEYS[2], hidx, to)
    local moved = { 0, 0 }
    for slot, d in ipairs({ 1, 4 }) do
      local want = slot == 1 and want_tok or want_cost
      local from_w, to_w = ({ fhw, fdw })[DIM_WIN[d]], ({ thw, tdw })[DIM_WIN[d]]
      if want > 0 and recipient.lim[d] ~= nil then
        local amount = math.min(want, donatable(donor, from_w, d))
        if amount > 0 then
          from_w.ra = from_w.ra - amount
          to_w.ra = to_w.ra + amount
          moved[slot] = amount
        end
      end
    end
    if moved[1] > 0 or moved[2] > 0 then
      write_windows(KEYS[2], { fhw, fdw, thw, tdw }, fresh, ARGV[5])
      for _, side in ipairs({ { from, to, -1 }, { to, from, 1 } }) do
        local f = { 't', L_REALLOC, 'ts', int(now), 'a', side[1], 'o', side[2], 'k', int(side[3] * moved[1]),
                    'c', int(side[3] * moved[2]), 'ra', ARGV[3] }
        put(f, 'msg', reason)
        ledger(KEYS[3], f)
      end
      applied[#applied + 1] = from
      applied[#applied + 1] = to
      applied[#applied + 1] = moved[1]
      applied[#applied + 1] = moved[2]
    end
  end
end
return applied
