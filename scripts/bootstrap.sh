#!/usr/bin/env bash
# Installs what a fresh Debian machine with only the .NET SDK lacks for building, running and
# testing the platform. Idempotent and quiet when everything is already there.
set -euo pipefail

apt_packages=(
  redis-server              # the cache resource, and real Redis for tests
  postgresql                # the platformdb resource, and real PostgreSQL for tests
  python3-grpcio            # interop tests: a Python gRPC peer
  python3-grpc-tools        # ... and its stub generator
  python3-prometheus-client # a third-party parser for our /metrics output
  chromium                  # the dashboard's browser test (headless, driven by playwright-core)
)

missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's postgresql package starts a cluster on 5432; we never use it (our hosts start their own).
# Node dependencies of the tests (peers, validators, browser driver), from their committed lock files.
while IFS= read -r lock; do
  dir=$(dirname "$lock")
  if [[ ! -d "$dir/node_modules" ]]; then
    echo "bootstrap: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done < <(find tests -name package-lock.json -not -path '*/node_modules/*' 2>/dev/null)
