#!/usr/bin/env bash
# Budget: reserve+commit pairs per second and p50/p99 through gRPC at 64 concurrent callers (one Budget
# service process, Release), side by side in the same run with the ceiling of the same Lua in Redis
# driven by redis-benchmark (EVALSHA of the service's reserve.lua + commit.lua bodies in one script).
# Starts its own redis-server (AOF everysec) and PostgreSQL on loopback; prints a markdown table.
#
# Arguments are passed through: --callers 64 --connections 4 --seconds 20 --rounds 3 --warmup 5
#   --ceiling-requests 200000 --aof true
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet build "$here/Budget.Benchmarks.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet "$here/bin/Release/net10.0/Budget.Benchmarks.dll" "$@"
