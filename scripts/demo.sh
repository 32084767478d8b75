#!/usr/bin/env bash
# Sets up, loads the demo data (the two real plan documents) and starts the app on the embedded SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "==> demo data"
pnpm --silent cli seed

PORT="${PORT:-4000}"
if [ "${CI:-}" = "true" ]; then
  # CI: prove the app starts and answers, then stop; nothing waits on a running server.
  echo "==> CI: starting the server once to check it answers"
  PORT="$PORT" NODE_ENV=production node --max-old-space-size=320 server/dist/main.js &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  PORT="$PORT" node scripts/smoke.mjs
  exit 0
fi

exec env PORT="$PORT" pnpm --silent start
