#!/usr/bin/env bash
# gRPC unary echo: our runtime (Kestrel + libs/Grpc) vs @grpc/grpc-js, driven by the same h2load command.
# Each server runs alone on loopback; rounds alternate between them; every measured run follows a warm-up run.
# Prints req/s, p50 and p99 per run, the medians per server, and the ratios. Results go in docs/benchmarks.md.
#
# Environment knobs (defaults in brackets): REQUESTS [200000] CLIENTS [4] STREAMS [16] ROUNDS [3] WARMUP [20000]
# DOTNET_GC_SERVER [0]: 1 runs our server with server GC.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
proto="$root/tests/Grpc.Tests/Protos/echo.proto"
REQUESTS=${REQUESTS:-200000}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-16}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-20000}
DOTNET_GC_SERVER=${DOTNET_GC_SERVER:-0}

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "building our echo server (Release)..."
dotnet build "$here/Server/GrpcEcho.Server.csproj" -c Release -o "$work/server" -nologo -v quiet > "$work/build.log" || { cat "$work/build.log"; exit 1; }
if [[ ! -d "$here/node/node_modules/@grpc/grpc-js" ]]; then
  (cd "$here/node" && npm ci --no-audit --no-fund > /dev/null)
fi

# One EchoRequest{message: "hello"} behind the 5-byte gRPC prefix (uncompressed, length 7).
printf '\x00\x00\x00\x00\x07\x0a\x05hello' > "$work/request.bin"

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_server() { # name port
  case "$1" in
    dotnet) DOTNET_gcServer="$DOTNET_GC_SERVER" DOTNET_TieredPGO=1 dotnet "$work/server/GrpcEcho.Server.dll" "$2" > "$work/$1.log" 2>&1 & ;;
    grpc-js) node "$here/node/echo-server.js" "$proto" "$2" > "$work/$1.log" 2>&1 & ;;
  esac
  server_pid=$!
  for _ in $(seq 1 300); do
    if curl -s --http2-prior-knowledge -o /dev/null "http://127.0.0.1:$2/" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "$1 did not start:"; cat "$work/$1.log"; exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# A real gRPC answer (grpc-status 0 in the trailers, the echoed message in the body) before measuring anything.
check_echo() { # port
  local headers="$work/check.headers" body="$work/check.body"
  curl -s --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
    --data-binary @"$work/request.bin" -D "$headers" -o "$body" "http://127.0.0.1:$1/test.echo.v1.Echo/Unary"
  grep -q '^grpc-status: 0' "$headers" && grep -q hello "$body" || { echo "echo check failed on port $1"; cat "$headers"; exit 1; }
}

h2load_run() { # port requests logfile
  h2load -n "$2" -c "$CLIENTS" -m "$STREAMS" -H 'content-type: application/grpc' -H 'te: trailers' \
    -d "$work/request.bin" --log-file="$3" "http://127.0.0.1:$1/test.echo.v1.Echo/Unary"
}

echo "command: h2load -n $REQUESTS -c $CLIENTS -m $STREAMS -H 'content-type: application/grpc' -H 'te: trailers' -d request.bin http://127.0.0.1:PORT/test.echo.v1.Echo/Unary"
echo "(DOTNET_gcServer=$DOTNET_GC_SERVER, $ROUNDS rounds, $WARMUP warm-up requests before each run, $(nproc) CPUs)"
printf '%-8s %-6s %10s %9s %9s %8s\n' server round "req/s" "p50 ms" "p99 ms" failed
results="$work/results.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for server in dotnet grpc-js; do
    port=$(free_port)
    start_server "$server" "$port"
    check_echo "$port"
    h2load_run "$port" "$WARMUP" /dev/null > /dev/null
    h2load_run "$port" "$REQUESTS" "$work/requests.log" > "$work/h2load.out"
    stop_server
    rps=$(awk '/^finished in/ { gsub(",", "", $4); print $4 }' "$work/h2load.out")
    failed=$(awk '/^requests:/ { print $(NF-5) + $(NF-3) + $(NF-1) }' "$work/h2load.out")
    read -r p50 p99 < <(cut -f3 "$work/requests.log" | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f %.2f\n", v[int(NR * 0.50)] / 1000, v[int(NR * 0.99)] / 1000 }')
    printf '%-8s %-6s %10.0f %9s %9s %8s\n' "$server" "$round" "$rps" "$p50" "$p99" "$failed"
    printf '%s\t%s\t%s\t%s\n' "$server" "$rps" "$p50" "$p99" >> "$results"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for server in dotnet grpc-js; do
  rps=$(awk -v s="$server" '$1 == s { print $2 }' "$results" | median)
  p50=$(awk -v s="$server" '$1 == s { print $3 }' "$results" | median)
  p99=$(awk -v s="$server" '$1 == s { print $4 }' "$results" | median)
  declare "rps_${server/-/_}=$rps" "p50_${server/-/_}=$p50" "p99_${server/-/_}=$p99"
done
echo
echo "medians of $ROUNDS rounds:"
printf '  %-8s %10.0f req/s  p50 %6s ms  p99 %6s ms\n' dotnet "$rps_dotnet" "$p50_dotnet" "$p99_dotnet"
printf '  %-8s %10.0f req/s  p50 %6s ms  p99 %6s ms\n' grpc-js "$rps_grpc_js" "$p50_grpc_js" "$p99_grpc_js"
awk -v a="$rps_dotnet" -v b="$rps_grpc_js" -v c="$p99_dotnet" -v d="$p99_grpc_js" \
  'BEGIN { printf "ratio (ours / grpc-js): throughput %.2fx, p99 %.2fx\n", a / b, c / d }'
