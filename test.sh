#!/usr/bin/env bash
# The platform's whole test suite: unit, integration (real redis-server and PostgreSQL started by
# the tests on free loopback ports), interop (grpc-js and grpcio peers) and end-to-end.
# Works on a fresh Debian machine with only the .NET SDK: bootstrap installs what is missing.
set -euo pipefail
cd "$(dirname "$0")"

scripts/bootstrap.sh
dotnet build Platform.sln -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Platform.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies' summary blocks.
awk '/^ +Passed: +[0-9]+$/  { p += $2 }
     /^ +Failed: +[0-9]+$/  { f += $2 }
     /^ +Skipped: +[0-9]+$/ { s += $2 }
     /^Test Run Aborted/    { f += 1 }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
