#!/usr/bin/env bash
# Pipelined GET/SET from 50 concurrent callers against one throwaway redis-server, in one run:
#   Platform.Redis (RedisLoad, Release), ioredis 6 with auto-pipelining on and off, and
#   redis-benchmark -P 16 -c 50 -t get,set as the C ceiling. 3 rounds; prints medians as a markdown table.
# Besides ops/s it reports each client's own CPU time per operation, which a busy machine distorts less.
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

# Each prints "<ops/s> <client cpu us/op>".
pick() { awk '/^ops\/s/ { rate = $2 } /^cpu-us\/op/ { cpu = $2 } END { print rate, cpu }'; }
ours() { dotnet RedisLoad/bin/Release/net10.0/RedisLoad.dll "$PORT" "$CALLERS" "$SECONDS_PER_RUN" | pick; }
ioredis() { node ioredis/bench.mjs "$PORT" "$CALLERS" "$SECONDS_PER_RUN" "$1" | pick; }
# SET and GET are measured separately; combine as the rate of an equal SET/GET mix (total ops / total time).
ceiling() {
  local out cpu
  out="$(/usr/bin/time -f 'cpu %U %S' redis-benchmark -p "$PORT" -P 16 -c "$CALLERS" -t get,set -n "$BENCH_REQUESTS" -q 2>&1 | tr '\r' '\n')"
  echo "$out" | awk -v n="$BENCH_REQUESTS" '
    /requests per second/ { for (i = 1; i <= NF; i++) if ($i == "requests") rate[++k] = $(i - 1) }
    /^cpu / { cpu = $2 + $3 }
    END { printf "%.0f %.2f\n", 2 / (1 / rate[1] + 1 / rate[2]), cpu * 1e6 / (2 * n) }'
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -a OURS IO_ON IO_OFF CEIL OURS_CPU IO_ON_CPU IO_OFF_CPU CEIL_CPU
for round in $(seq 1 "$ROUNDS"); do
  read -r rate cpu < <(ours); OURS+=("$rate"); OURS_CPU+=("$cpu")
  read -r rate cpu < <(ioredis on); IO_ON+=("$rate"); IO_ON_CPU+=("$cpu")
  read -r rate cpu < <(ioredis off); IO_OFF+=("$rate"); IO_OFF_CPU+=("$cpu")
  read -r rate cpu < <(ceiling); CEIL+=("$rate"); CEIL_CPU+=("$cpu")
  echo "round $round (ops/s, client cpu us/op): platform-redis=${OURS[-1]},${OURS_CPU[-1]} ioredis-auto=${IO_ON[-1]},${IO_ON_CPU[-1]}" \
    "ioredis-noauto=${IO_OFF[-1]},${IO_OFF_CPU[-1]} redis-benchmark=${CEIL[-1]},${CEIL_CPU[-1]} load=$(cut -d' ' -f1 /proc/loadavg)" >&2
done

M_OURS="$(median "${OURS[@]}")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { echo "| $1 | $(median "${@:2:ROUNDS}") | $(ratio "$M_OURS" "$(median "${@:2:ROUNDS}")") | $(median "${@:ROUNDS+2}") |"; }
echo "| client | ops/s (median of $ROUNDS) | Platform.Redis / this | client CPU us/op (median) |"
echo "| --- | ---: | ---: | ---: |"
row "Platform.Redis (50 callers, 1 connection)" "${OURS[@]}" "${OURS_CPU[@]}"
row "ioredis $(node -p 'require("./ioredis/node_modules/ioredis/package.json").version') auto-pipelining on" "${IO_ON[@]}" "${IO_ON_CPU[@]}"
row "ioredis auto-pipelining off" "${IO_OFF[@]}" "${IO_OFF_CPU[@]}"
row "redis-benchmark -P 16 -c 50 (SET/GET mix)" "${CEIL[@]}" "${CEIL_CPU[@]}"
echo
echo "machine: $(nproc) cores, load average at end: $(cut -d' ' -f1-3 /proc/loadavg); redis $(redis-server --version | awk '{print $3}')"
