#!/usr/bin/env bash
# Generates Python messages and gRPC stubs for the platform contracts into OUT_DIR/<PY_PACKAGE>.
#
# Why a script and not a bare protoc call: protoc derives Python module paths from the .proto paths
# (platform/budget/v1/...), and a top-level Python package named `platform` is shadowed by the
# standard library module `platform`. So the generated modules are placed under PY_PACKAGE and
# their absolute imports rewritten: `from platform.x import y` -> `from PY_PACKAGE.platform.x import y`.
# The wire names (platform.budget.v1.BudgetService/...) are unchanged.
#
# Usage: protos/tools/gen-python.sh OUT_DIR [PY_PACKAGE]   (default PY_PACKAGE: agentplatform_protos)
# Needs: python3 with grpc_tools (Debian: python3-grpc-tools; pip: grpcio-tools).
set -euo pipefail
out_dir=${1:?usage: gen-python.sh OUT_DIR [PY_PACKAGE]}
pkg=${2:-agentplatform_protos}
python=${PYTHON:-/usr/bin/python3}
protos_dir=$(cd "$(dirname "$0")/.." && pwd)
wkt=$("$python" -c 'import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), "_proto"))')

mkdir -p "$out_dir/$pkg"
cd "$protos_dir"
"$python" -m grpc_tools.protoc -I . -I "$wkt" \
  --python_out="$out_dir/$pkg" --grpc_python_out="$out_dir/$pkg" \
  $(find platform -name '*.proto' | sort)

# Regular packages (with __init__.py) so the imports resolve without namespace-package rules.
find "$out_dir/$pkg" -type d -exec touch {}/__init__.py \;
find "$out_dir/$pkg" -name '*.py' -exec sed -i -E \
  "s/^from platform\.([a-z0-9_.]+) import /from $pkg.platform.\1 import /" {} +
echo "generated $out_dir/$pkg (import as: from $pkg.platform.budget.v1 import budget_service_pb2_grpc)"
