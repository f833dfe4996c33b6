-- Records how an admitted attempt ended: returns its concurrency lease, corrects the TPM bucket with
-- the actual tokens, adds it to the health statistics, and moves the circuit breaker.
-- KEYS: 1 breaker hash, 2 probe key, 3 concurrency zset, 4 tpm hash, 5 stats hash
-- ARGV: 1 lease id, 2 outcome (0 ok, 1 failure, 2 neutral), 3 was probe (0/1), 4 tpm bucket,
--       5 token correction, 6 latency bin, 7 ttft bin (-1 = none), 8 error text,
--       9 consecutive failures to open, 10 failure-rate window ms, 11 minimum requests,
--       12 failure rate percent to open, 13 cooldown ms, 14 stats bucket ms, 15 stats buckets,
--       16 rpm/tpm window ms
-- Returns the breaker state after the update (1 closed, 2 open, 3 half-open).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local outcome = tonumber(ARGV[2])
local was_probe = tonumber(ARGV[3]) == 1

redis.call('ZREM', KEYS[3], ARGV[1])
local correction = tonumber(ARGV[5])
if correction ~= 0 and redis.call('HEXISTS', KEYS[4], ARGV[4]) == 1 then
  redis.call('HINCRBY', KEYS[4], ARGV[4], correction)
end

-- Health statistics: per time bucket, attempts, failures and latency histograms.
local stats_bucket_ms = tonumber(ARGV[14])
local stats_buckets = tonumber(ARGV[15])
local sb = math.floor(now / stats_bucket_ms)
local prefix = sb .. '|'
redis.call('HINCRBY', KEYS[5], prefix .. 'n', 1)
if outcome == 1 then
  redis.call('HINCRBY', KEYS[5], prefix .. 'f', 1)
elseif outcome == 0 then
  redis.call('HINCRBY', KEYS[5], prefix .. 'l' .. ARGV[6], 1)
  if tonumber(ARGV[7]) >= 0 then
    redis.call('HINCRBY', KEYS[5], prefix .. 't' .. ARGV[7], 1)
  end
end
if redis.call('HGET', KEYS[5], 'cur') ~= tostring(sb) then
  redis.call('HSET', KEYS[5], 'cur', sb)
  for _, field in ipairs(redis.call('HKEYS', KEYS[5])) do
    local bucket = tonumber(string.match(field, '^(%-?%d+)|'))
    if bucket and bucket <= sb - stats_buckets then
      redis.call('HDEL', KEYS[5], field)
    end
  end
end
redis.call('PEXPIRE', KEYS[5], stats_bucket_ms * (stats_buckets + 1))

local function release_probe()
  if redis.call('GET', KEYS[2]) == ARGV[1] then
    redis.call('DEL', KEYS[2])
  end
end

local function clear_window()
  for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
    if string.sub(field, 1, 1) == 'w' then
      redis.call('HDEL', KEYS[1], field)
    end
  end
end

local state = tonumber(redis.call('HGET', KEYS[1], 'state')) or 1
local function open()
  redis.call('HSET', KEYS[1], 'state', 2, 'changed', now, 'open_until', now + tonumber(ARGV[13]))
  clear_window()
  release_probe()
  state = 2
end

if outcome == 2 then
  if was_probe then
    release_probe()
  end
  return state
end

local window_bucket_ms = math.max(1, math.floor(tonumber(ARGV[10]) / 6))
local wb = math.floor(now / window_bucket_ms)
if outcome == 0 then
  redis.call('HSET', KEYS[1], 'consec', 0, 'last_ok', now)
  if state == 3 and was_probe then
    redis.call('HSET', KEYS[1], 'state', 1, 'changed', now)
    clear_window()
    release_probe()
    state = 1
  elseif state == 1 then
    redis.call('HINCRBY', KEYS[1], 'w' .. wb .. 'n', 1)
  end
else
  local consecutive = redis.call('HINCRBY', KEYS[1], 'consec', 1)
  redis.call('HSET', KEYS[1], 'last_fail', now, 'last_error', ARGV[8])
  if state == 1 then
    redis.call('HINCRBY', KEYS[1], 'w' .. wb .. 'n', 1)
    redis.call('HINCRBY', KEYS[1], 'w' .. wb .. 'f', 1)
    local total, failures = 0, 0
    for i = 0, 5 do
      local values = redis.call('HMGET', KEYS[1], 'w' .. (wb - i) .. 'n', 'w' .. (wb - i) .. 'f')
      total = total + (tonumber(values[1]) or 0)
      failures = failures + (tonumber(values[2]) or 0)
    end
    if consecutive >= tonumber(ARGV[9]) or (total >= tonumber(ARGV[11]) and failures * 100 >= tonumber(ARGV[12]) * total) then
      open()
    else
      -- Drop buckets that slid out of the window.
      for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
        local bucket = tonumber(string.match(field, '^w(%-?%d+)[nf]$'))
        if bucket and bucket < wb - 5 then
          redis.call('HDEL', KEYS[1], field)
        end
      end
    end
  elseif state == 3 and was_probe then
    open()
  end
end
return state
