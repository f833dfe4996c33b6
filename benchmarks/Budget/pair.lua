-- Benchmark only: one reserve followed by one commit of the same reservation, in one script, so
-- redis-benchmark can drive the ceiling of what Redis itself does per reserve+commit pair. The
-- reserve and commit entry scripts are inlined above as reserve_main / commit_main (unchanged bodies).
-- KEYS: 1 cfg, 2 hour, 3 day, 4 reservations, 5 expiry index, 6 settled index, 7 idempotency key,
--       8 ledger, 9 events, 10 samples
-- ARGV: 1 hour index, 2 day index, 3 agent, 4 reservation id, 5 input tokens, 6 output tokens held,
--       7 input price, 8 output price, 9 cost held, 10 actual output tokens
local reply = reserve_main({ KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8], KEYS[9] },
  { ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], '1', ARGV[7], ARGV[8], ARGV[9], '1', 'bench-model', '0', '0', '', '',
    KEYS[7], 'bench', '86400000', '93600', '691200', '100000' })
if reply[1] ~= 1 then
  return reply
end
return commit_main({ KEYS[1], KEYS[4], KEYS[5], KEYS[6], KEYS[2], KEYS[3], KEYS[8], KEYS[9], KEYS[10] },
  { ARGV[4], ARGV[5], ARGV[10], '-1', '', '93600', '691200', '100000', '128' })
