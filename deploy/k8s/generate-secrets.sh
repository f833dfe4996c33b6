#!/bin/sh
# Creates secrets.env next to this script with fresh random passwords; other secrets stay empty
# for you to fill in. Refuses to overwrite an existing file (the cluster's data is locked with those passwords).
set -eu
cd "$(dirname "$0")"
if [ -e secrets.env ]; then
  echo "secrets.env already exists; delete it first to regenerate" >&2
  exit 1
fi
random() { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c "$1"; }
umask 077
{
  echo "cache-password=$(random 22)"
  echo "postgres-password=$(random 22)"
  echo "openai-api-key="
  echo "anthropic-api-key="
} > secrets.env
echo "wrote $(pwd)/secrets.env"
