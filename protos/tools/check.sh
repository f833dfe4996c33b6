#!/usr/bin/env bash
# Validates every platform .proto with the two protoc builds the project uses:
#   1. protoc from the pinned Grpc.Tools NuGet package (C# messages + C# gRPC + Python messages),
#   2. the Debian python3-grpc-tools protoc (old: 3.5.1) with Python gRPC stubs - which is why the
#      contracts use wrapper types instead of proto3 `optional`.
# Usage: protos/tools/check.sh   (exit code 0 = all generated without errors or warnings)
set -euo pipefail
protos_dir=$(cd "$(dirname "$0")/.." && pwd)
tools=${NUGET_PACKAGES:-$HOME/.nuget/packages}/grpc.tools/2.85.0
protoc=$tools/tools/linux_x64/protoc
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$protos_dir"
files=$(find platform -name '*.proto' | sort)

mkdir -p "$out/nuget" "$out/debian"
log=$("$protoc" -I . -I "$tools/build/native/include" \
  --csharp_out="$out/nuget" --python_out="$out/nuget" \
  --plugin=protoc-gen-grpc="$tools/tools/linux_x64/grpc_csharp_plugin" --grpc_out="$out/nuget" \
  $files 2>&1) || { echo "$log"; exit 1; }
[ -z "$log" ] || { echo "$log"; echo "protoc (Grpc.Tools) printed warnings"; exit 1; }
echo "ok: Grpc.Tools protoc ($("$protoc" --version)) - C#, C# gRPC, Python"

py=${PYTHON:-/usr/bin/python3}
wkt=$("$py" -c 'import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), "_proto"))')
log=$("$py" -m grpc_tools.protoc -I . -I "$wkt" --python_out="$out/debian" --grpc_python_out="$out/debian" \
  $files 2>&1) || { echo "$log"; exit 1; }
[ -z "$log" ] || { echo "$log"; echo "grpc_tools.protoc printed warnings"; exit 1; }
echo "ok: $py -m grpc_tools.protoc - Python, Python gRPC"
