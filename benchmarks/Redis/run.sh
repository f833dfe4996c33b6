#!/usr/bin/env bash
# Pipelined GET/SET from 50 concurrent callers against one throwaway redis-server, in one run:
#   Platform.Redis (RedisLoad, Release), ioredis 6 with auto-pipelining on and off, and
#   redis-benchmark -P 16 -c 50 -t get,set as the C ceiling. 3 rounds; prints medians as a markdown table.
# Usage: benchmarks/Redis/run.sh [seconds-per-measurement=10] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")"

SECONDS_PER_RUN="${1:-10}"
ROUNDS="${2:-3}"
CALLERS=50
BENCH_REQUESTS=2000000

PORT="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
STATE="$(mktemp -d)"
setpriv --pdeathsig SIGKILL -- redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$STATE" \
  --logfile "$STATE/redis.log" &
REDIS_PID=$!
trap 'kill "$REDIS_PID" 2>/dev/null || true; rm -rf "$STATE"' EXIT
for _ in $(seq 1 100); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

dotnet build -c Release RedisLoad/RedisLoad.csproj -nologo -v quiet >/dev/null
(cd ioredis && npm ci --no-audit --no-fund --silent)

ours() { dotnet RedisLoad/bin/Release/net10.0/RedisLoad.dll "$PORT" "$CALLERS" "$SECONDS_PER_RUN" | awk '/^ops\/s/ {print $2}'; }
ioredis() { node ioredis/bench.mjs "$PORT" "$CALLERS" "$SECONDS_PER_RUN" "$1" | awk '/^ops\/s/ {print $2}'; }
# SET and GET are measured separately; combine as the rate of an equal SET/GET mix (total ops / total time).
ceiling() {
  redis-benchmark -p "$PORT" -P 16 -c "$CALLERS" -t get,set -n "$BENCH_REQUESTS" -q 2>/dev/null | tr '\r' '\n' \
    | awk '/requests per second/ { for (i = 1; i <= NF; i++) if ($i == "requests") rate[++n] = $(i - 1) }
           END { printf "%.0f\n", 2 / (1 / rate[1] + 1 / rate[2]) }'
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -a OURS IO_ON IO_OFF CEIL
for round in $(seq 1 "$ROUNDS"); do
  OURS+=("$(ours)")
  IO_ON+=("$(ioredis on)")
  IO_OFF+=("$(ioredis off)")
  CEIL+=("$(ceiling)")
  echo "round $round: platform-redis=${OURS[-1]} ioredis-auto=${IO_ON[-1]} ioredis-noauto=${IO_OFF[-1]} redis-benchmark=${CEIL[-1]}" >&2
done

M_OURS="$(median "${OURS[@]}")"; M_ON="$(median "${IO_ON[@]}")"; M_OFF="$(median "${IO_OFF[@]}")"; M_CEIL="$(median "${CEIL[@]}")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "| client | ops/s (median of $ROUNDS) | Platform.Redis / this |"
echo "| --- | ---: | ---: |"
echo "| Platform.Redis (50 callers, 1 connection) | $M_OURS | 1.00 |"
echo "| ioredis $(node -p 'require("./ioredis/node_modules/ioredis/package.json").version') auto-pipelining on | $M_ON | $(ratio "$M_OURS" "$M_ON") |"
echo "| ioredis auto-pipelining off | $M_OFF | $(ratio "$M_OURS" "$M_OFF") |"
echo "| redis-benchmark -P 16 -c 50 (SET/GET mix) | $M_CEIL | $(ratio "$M_OURS" "$M_CEIL") |"
echo
echo "machine: $(nproc) cores, load average at end: $(cut -d' ' -f1-3 /proc/loadavg); redis $(redis-server --version | awk '{print $3}')"
