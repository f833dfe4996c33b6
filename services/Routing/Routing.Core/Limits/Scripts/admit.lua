-- Admits one attempt on one model, atomically across all replicas: circuit breaker (with a single
-- half-open probe), concurrency lease, and RPM/TPM in a sliding window of buckets. Checks everything
-- first, then records everything, so a refused attempt leaves no trace.
-- KEYS: 1 breaker hash, 2 probe key, 3 concurrency zset (lease id -> expiry ms), 4 rpm hash, 5 tpm hash
-- ARGV: 1 lease id, 2 lease ttl ms, 3 max concurrency (0 = none), 4 rpm limit (0 = none),
--       5 tpm limit (0 = none), 6 estimated tokens, 7 window ms, 8 buckets per window, 9 probe ttl ms
-- Returns {code, retry_after_ms, probe, bucket, rpm_used, tpm_used, in_flight}
--   code: 0 admitted, 1 breaker open, 2 concurrency full, 3 rpm limit, 4 tpm limit
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease_ttl = tonumber(ARGV[2])
local max_conc = tonumber(ARGV[3])
local rpm_limit = tonumber(ARGV[4])
local tpm_limit = tonumber(ARGV[5])
local estimate = tonumber(ARGV[6])
local window = tonumber(ARGV[7])
local buckets = tonumber(ARGV[8])
local probe_ttl = tonumber(ARGV[9])

-- Breaker states use platform.routing.v1.BreakerState numbers: 1 closed, 2 open, 3 half-open.
local probe = 0
local breaker = redis.call('HMGET', KEYS[1], 'state', 'open_until')
local state = tonumber(breaker[1]) or 1
if state == 2 then
  local open_until = tonumber(breaker[2]) or 0
  if now < open_until then
    return {1, open_until - now, 0, 0, 0, 0, 0}
  end
  redis.call('HSET', KEYS[1], 'state', 3, 'changed', now)
  state = 3
end
if state == 3 then
  if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', probe_ttl) then
    probe = 1
  else
    return {1, math.max(1, redis.call('PTTL', KEYS[2])), 0, 0, 0, 0, 0}
  end
end

local function refuse(code, retry_after)
  if probe == 1 then
    redis.call('DEL', KEYS[2])
  end
  return {code, retry_after, 0, 0, 0, 0, 0}
end

-- Leases of crashed replicas expire, so their slots come back.
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
local in_flight = redis.call('ZCARD', KEYS[3])
if max_conc > 0 and in_flight >= max_conc then
  return refuse(2, 50)
end

-- A sum over the current bucket and the `buckets` before it covers every window of `window` ms that
-- ends now, so no such window ever holds more than the limit (at the price of one bucket's slack).
local bucket_ms = math.max(1, math.floor(window / buckets))
local current = math.floor(now / bucket_ms)
local fields = {}
for i = 0, buckets do
  fields[i + 1] = tostring(current - i)
end
local function window_sum(key)
  local total = 0
  for _, value in ipairs(redis.call('HMGET', key, unpack(fields))) do
    if value then
      total = total + tonumber(value)
    end
  end
  return total
end

local next_bucket = (current + 1) * bucket_ms - now
local rpm_used = window_sum(KEYS[4])
if rpm_limit > 0 and rpm_used + 1 > rpm_limit then
  return refuse(3, next_bucket)
end
local tpm_used = window_sum(KEYS[5])
if tpm_limit > 0 and tpm_used + estimate > tpm_limit then
  return refuse(4, next_bucket)
end

redis.call('ZADD', KEYS[3], now + lease_ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[3], lease_ttl + window)
local function record(key, amount)
  redis.call('HINCRBY', key, current, amount)
  redis.call('PEXPIRE', key, window * 2)
  if redis.call('HLEN', key) > 2 * (buckets + 1) then
    for _, field in ipairs(redis.call('HKEYS', key)) do
      if tonumber(field) < current - buckets then
        redis.call('HDEL', key, field)
      end
    end
  end
end
record(KEYS[4], 1)
if estimate > 0 then
  record(KEYS[5], estimate)
end
return {0, 0, probe, current, rpm_used + 1, tpm_used + estimate, in_flight + 1}
