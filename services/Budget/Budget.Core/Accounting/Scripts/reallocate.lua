-- Reallocate: move unused budget between agents for the rest of the current windows (tokens in
-- the hour window, micro-dollars in the day window), re-checked here so a move never takes budget
-- that was consumed since it was planned. The fleet total is unchanged: what one agent gains,
-- another loses.
-- KEYS: 1 cfg, 2 hour window, 3 day window, 4 ledger stream
-- ARGV: 1 hour index, 2 day index, 3 reallocation id, 4 floor percent (a donor keeps at least this
--       share of its own limit), 5 hour window ttl s, 6 day window ttl s,
--       then per move: from, to, tokens, micros, reason (5 values each)
-- Reply: { from, to, tokens, micros, ... } for the moves applied (possibly smaller than planned),
--        or { -2, hour index, day index } when the windows are not the current ones.

local cfg_clk = redis.call('HGET', KEYS[1], 'clk')
local now = now_ms(num(cfg_clk))
local hidx, didx = math.floor(now / HOUR_MS), math.floor(now / DAY_MS)
if hidx ~= tonumber(ARGV[1]) or didx ~= tonumber(ARGV[2]) then
  return { -2, hidx, didx }
end
local floor_pct = tonumber(ARGV[4])
local keys = { KEYS[2], KEYS[3] }
local ttls = { ARGV[5], ARGV[6] }
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

local i = 7
while ARGV[i] do
  local from, to, want_tok, want_cost, reason = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3]), ARGV[i + 4]
  i = i + 5
  local cfgv = redis.call('HMGET', KEYS[1], 'a:' .. from, 'a:' .. to)
  local donor, recipient = agent_cfg(cfgv[1]), agent_cfg(cfgv[2])
  if donor and recipient and donor.state == 1 and recipient.state == 1 and from ~= to then
    local moved = { 0, 0 }
    for slot, d in ipairs({ 1, 4 }) do
      local want = slot == 1 and want_tok or want_cost
      if want > 0 and recipient.lim[d] ~= nil then
        local key = keys[DIM_WIN[d]]
        local dw = read_window(key, from)
        local amount = math.min(want, donatable(donor, dw, d))
        if amount > 0 then
          dw.ra = dw.ra - amount
          write_window(key, from, dw, { 'ra' }, ttls[DIM_WIN[d]])
          local rw = read_window(key, to)
          rw.ra = rw.ra + amount
          write_window(key, to, rw, { 'ra' }, ttls[DIM_WIN[d]])
          moved[slot] = amount
        end
      end
    end
    if moved[1] > 0 or moved[2] > 0 then
      for _, side in ipairs({ { from, to, -1 }, { to, from, 1 } }) do
        local f = { 't', L_REALLOC, 'ts', int(now), 'a', side[1], 'o', side[2], 'k', int(side[3] * moved[1]),
                    'c', int(side[3] * moved[2]), 'ra', ARGV[3] }
        put(f, 'msg', reason)
        ledger(KEYS[4], f)
      end
      applied[#applied + 1] = from
      applied[#applied + 1] = to
      applied[#applied + 1] = moved[1]
      applied[#applied + 1] = moved[2]
    end
  end
end
return applied
