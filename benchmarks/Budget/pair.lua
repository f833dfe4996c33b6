-- Benchmark only: one reserve followed by one commit of the same reservation, in one script, so
-- redis-benchmark can drive the ceiling of what Redis itself does per reserve+commit pair. The
-- reserve and commit entry scripts are inlined above as reserve_main / commit_main (unchanged bodies).
-- KEYS: 1 cfg, 2 day counters, 3 reservations, 4 expiry index, 5 idempotency key, 6 ledger, 7 events,
--       8 samples
-- ARGV: 1 hour index, 2 day index, 3 agent, 4 reservation id, 5 input tokens, 6 output tokens held,
--       7 input price, 8 output price, 9 cost held, 10 actual output tokens
local reply = reserve_main({ KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7] },
  { ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], '1', ARGV[7], ARGV[8], ARGV[9], '1', 'bench-model', '0', '0', '', '',
    KEYS[5], 'bench', '86400000', '691200', '100000', '3600000' })
if reply[1] ~= 1 then
  return reply
end
return commit_main({ KEYS[1], KEYS[3], KEYS[4], KEYS[2], KEYS[6], KEYS[7], KEYS[8] },
  { ARGV[4], ARGV[5], ARGV[10], '-1', '', '691200', '100000', '128', '3600000' })
