#!/usr/bin/env bash
# Runs every test: typecheck, domain tables, GraphQL against real SQLite, schema drift, client
# components and the browser end-to-end test in headless Chromium; then the API tests again against a
# throw-away PostgreSQL server (scripts/postgres.sh installs Debian's postgresql when it is missing and
# we are root or have sudo; without either, that part is skipped with a message).
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

echo "==> API tests on PostgreSQL (JIXIAO_TEST_DB)"
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-pg.XXXXXX")
status=0
url=$(bash scripts/postgres.sh start "$pgdir") || status=$?
if [ "$status" = 3 ]; then
  rm -rf "$pgdir"
  echo "==> SKIPPED the PostgreSQL run: PostgreSQL is not installed and cannot be installed here (no root, no sudo)."
elif [ "$status" != 0 ]; then
  bash scripts/postgres.sh stop "$pgdir"
  echo "PostgreSQL did not start (exit $status)"; exit "$status"
else
  trap 'bash scripts/postgres.sh stop "$pgdir"' EXIT
  echo "    $url"
  JIXIAO_TEST_DB="$url" pnpm vitest --project server test/api
fi
