#!/usr/bin/env bash
# Runs every test: typecheck, domain tables, GraphQL against real SQLite, schema drift, client
# components and the browser end-to-end test in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Debian chromium for the end-to-end test"
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
fi

echo "==> typecheck"
pnpm typecheck

echo "==> tests"
pnpm vitest
