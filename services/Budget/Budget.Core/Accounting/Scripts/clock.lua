-- Clock: the fleet's "now" in ms (Redis TIME plus the fleet's clock offset, 0 outside tests), so
-- reports, sweeps and reallocation use the very clock the decisions use.
-- KEYS: 1 cfg
return now_ms(num(redis.call('HGET', KEYS[1], 'clk')))
