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

# One closing line for the whole run, summed over the test assemblies.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
