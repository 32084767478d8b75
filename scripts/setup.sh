#!/usr/bin/env bash
# Installs everything and builds: Node 20 + npm are all a fresh machine needs.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "==> installing pnpm $PNPM_VERSION with npm (corepack does not work on these machines)"
  npm install --global "pnpm@$PNPM_VERSION"
fi

echo "==> pnpm install (better-sqlite3 builds from source the first time: about a minute)"
pnpm install --frozen-lockfile

echo "==> build (server: tsc, client: vite)"
pnpm build
