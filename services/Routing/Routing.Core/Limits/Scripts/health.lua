-- Reads one model's shared state for health reports and routing: breaker, leases in flight, the
-- RPM/TPM used in the current window, and the raw statistics hash.
-- KEYS: 1 breaker hash, 2 concurrency zset, 3 rpm hash, 4 tpm hash, 5 stats hash
-- ARGV: 1 window ms, 2 buckets per window
-- Returns {now, breaker fields..., in_flight, rpm_used, tpm_used, stats (flat HGETALL)}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local breaker = redis.call('HMGET', KEYS[1], 'state', 'changed', 'open_until', 'consec', 'last_ok', 'last_fail', 'last_error')
local in_flight = redis.call('ZCOUNT', KEYS[2], now, '+inf')
local window = tonumber(ARGV[1])
local buckets = tonumber(ARGV[2])
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
return {now, breaker[1] or '1', breaker[2] or '0', breaker[3] or '0', breaker[4] or '0', breaker[5] or '0', breaker[6] or '0',
  breaker[7] or '', in_flight, window_sum(KEYS[3]), window_sum(KEYS[4]), redis.call('HGETALL', KEYS[5])}
