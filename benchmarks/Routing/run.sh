#!/usr/bin/env bash
# Gateway added latency: the same open-loop load against llm-sim directly, through our OpenAI-compatible
# front door (budget reserve + commit on every call, shared limits and breaker in Redis, call events to the
# metrics stream) and through the Portkey gateway, all pointed at the same llm-sim (no simulated latency),
# in one run. Prints one line per run; docs/benchmarks.md has the method and the results.
#
# Knobs (defaults in brackets): RATES ["200 500 1000"] SECONDS [10] WARMUP [3] ROUNDS [2]
#   SUSTAIN_RATES ["1000 1250 1500 1750 2000 2500 3000"] (step search for the highest error-free rate)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
RATES=${RATES:-"200 500 1000"}
SECONDS_PER_RUN=${SECONDS:-10}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-2}
SUSTAIN_RATES=${SUSTAIN_RATES:-"1000 1250 1500 1750 2000 2500 3000"}
PG_BIN=${PLATFORM_PG_BIN:-/usr/lib/postgresql/15/bin}

work=$(mktemp -d /tmp/routing-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -d "$work/pg" ]]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg" -m immediate stop > /dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# CPU seconds a process (and its threads) has used so far: utime + stime from /proc.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)

wait_http() { # url name
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "$1"; then return 0; fi
    sleep 0.1
  done
  echo "$2 did not start; its log:"; cat "$work/$2.log"; exit 1
}

echo "building (Release)..."
for project in services/Routing/Routing.csproj services/Budget/Budget.csproj services/LlmSimulator/LlmSimulator.csproj benchmarks/Routing/LoadGenerator/Routing.LoadGenerator.csproj; do
  name=$(basename "$project" .csproj)
  dotnet build "$root/$project" -c Release -o "$work/bin/$name" -nologo -v quiet > "$work/build-$name.log" 2>&1 || { cat "$work/build-$name.log"; exit 1; }
done
if [[ ! -d "$here/portkey/node_modules/@portkey-ai/gateway" ]]; then
  (cd "$here/portkey" && npm ci --no-audit --no-fund > /dev/null)
fi
loadgen() { dotnet "$work/bin/Routing.LoadGenerator/Routing.LoadGenerator.dll" "$@"; }

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" > "$work/redis.log" 2>&1 &
pids+=($!)

pg_port=$(free_port)
mkdir -p "$work/pg" && chown postgres "$work/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$work/pg" -A trust -U postgres > "$work/initdb.log" 2>&1
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start > /dev/null
runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" platformdb
cache="127.0.0.1:$redis_port"
db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=platformdb"

sim_port=$(free_port)
Simulator__LatencyScale=0 Logging__LogLevel__Default=Warning \
  dotnet "$work/bin/LlmSimulator/LlmSimulator.dll" --urls "http://127.0.0.1:$sim_port" > "$work/llm-sim.log" 2>&1 &
pids+=($!); sim_pid=$!
wait_http "http://127.0.0.1:$sim_port/health" llm-sim

budget_grpc=$(free_port); budget_http=$(free_port)
ConnectionStrings__cache="$cache" ConnectionStrings__platformdb="$db" Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__grpc__Url="http://127.0.0.1:$budget_grpc" Kestrel__Endpoints__http__Url="http://127.0.0.1:$budget_http" \
  dotnet "$work/bin/Budget/Budget.dll" > "$work/budget.log" 2>&1 &
pids+=($!); budget_pid=$!
wait_http "http://127.0.0.1:$budget_http/health" budget
loadgen register-agent --budget "http://127.0.0.1:$budget_grpc" --agent bench-agent > /dev/null

routing_grpc=$(free_port); routing_http=$(free_port)
# (env: a variable name with '-' cannot be assigned by the shell itself.)
env ConnectionStrings__cache="$cache" ConnectionStrings__platformdb="$db" Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__grpc__Url="http://127.0.0.1:$routing_grpc" Kestrel__Endpoints__http__Url="http://127.0.0.1:$routing_http" \
  services__budget__grpc__0="http://127.0.0.1:$budget_grpc" "services__llm-sim__http__0=http://127.0.0.1:$sim_port" \
  Routing__Models__bench__Provider=sim Routing__Models__bench__BaseUrl='{llm-sim}/v1' Routing__Models__bench__ContextWindowTokens=128000 \
  Routing__Models__bench__InputPriceMicrosPerMTok=1000000 Routing__Models__bench__OutputPriceMicrosPerMTok=2000000 \
  dotnet "$work/bin/Routing/Routing.dll" > "$work/routing.log" 2>&1 &
pids+=($!); routing_pid=$!
wait_http "http://127.0.0.1:$routing_http/health" routing

portkey_port=$(free_port)
node "$here/portkey/node_modules/@portkey-ai/gateway/build/start-server.js" --port="$portkey_port" --headless > "$work/portkey.log" 2>&1 &
pids+=($!); portkey_pid=$!
for _ in $(seq 1 300); do
  if curl -s -o /dev/null "http://127.0.0.1:$portkey_port/"; then break; fi
  sleep 0.1
done

body='{"model":"bench","max_tokens":16,"messages":[{"role":"user","content":"Say hello to the benchmark."}]}'
echo "$body" > "$work/body.json"
direct=(--url "http://127.0.0.1:$sim_port/v1/chat/completions" --label direct)
ours=(--url "http://127.0.0.1:$routing_http/v1/chat/completions" --header "x-agent-id: bench-agent" --label routing)
portkey=(--url "http://127.0.0.1:$portkey_port/v1/chat/completions" --header "x-portkey-provider: openai"
  --header "x-portkey-custom-host: http://127.0.0.1:$sim_port/v1" --header "Authorization: Bearer sk-benchmark" --label portkey)

# Every target must answer a real completion before anything is measured.
for target in direct ours portkey; do
  declare -n args=$target
  loadgen load "${args[@]}" --body "$work/body.json" --rate 50 --seconds 1 --warmup 0 | grep -q ' errors=0 ' || {
    echo "$target does not answer:"; loadgen load "${args[@]}" --body "$work/body.json" --rate 5 --seconds 1 --warmup 0; tail -20 "$work/routing.log"; exit 1; }
done

# One measured run, then the CPU time each process used per request (over warm-up and run, divided by the requests of both).
measure() { # target rate
  declare -n margs=$1
  local before_r before_b before_s before_p line requests
  before_r=$(cpu_ticks "$routing_pid"); before_b=$(cpu_ticks "$budget_pid"); before_s=$(cpu_ticks "$sim_pid"); before_p=$(cpu_ticks "$portkey_pid")
  line=$(loadgen load "${margs[@]}" --body "$work/body.json" --rate "$2" --seconds "$SECONDS_PER_RUN" --warmup "$WARMUP")
  requests=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<< "$line")
  per_request() { awk -v t="$1" -v n="$requests" -v hz="$ticks_per_second" -v w="$WARMUP" -v s="$SECONDS_PER_RUN" 'BEGIN { printf "%.3f", t / hz * 1000 / (n * (w + s) / s) }'; }
  echo "$line load=$(cut -d' ' -f1 /proc/loadavg) cpu_ms_per_request:" \
    "routing=$(per_request $(( $(cpu_ticks "$routing_pid") - before_r )))" \
    "budget=$(per_request $(( $(cpu_ticks "$budget_pid") - before_b )))" \
    "llm-sim=$(per_request $(( $(cpu_ticks "$sim_pid") - before_s )))" \
    "portkey=$(per_request $(( $(cpu_ticks "$portkey_pid") - before_p )))"
}

echo "== fixed rates (open loop, ${SECONDS_PER_RUN}s each after ${WARMUP}s warm-up, ${ROUNDS} rounds, order rotates) =="
for round in $(seq 1 "$ROUNDS"); do
  for rate in $RATES; do
    order=(direct ours portkey)
    [[ $((round % 2)) -eq 0 ]] && order=(portkey ours direct)
    for target in "${order[@]}"; do
      echo "round=$round $(measure "$target" "$rate")"
    done
  done
done

echo "== highest sustained rate (no errors, >= 97% of the offered rate completed, p99 < 1 s) =="
for target in ours portkey; do
  declare -n args=$target
  for rate in $SUSTAIN_RATES; do
    line=$(measure "$target" "$rate")
    echo "sustain $line"
    errors=$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<< "$line")
    completed=$(sed -n 's/.* completed_rate=\([0-9]*\).*/\1/p' <<< "$line")
    p99=$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<< "$line")
    if [[ "$errors" != 0 ]] || (( completed * 100 < rate * 97 )) || (( ${p99%.*} >= 1000 )); then break; fi
  done
done
