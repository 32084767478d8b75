#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests, on loopback, from Debian's packages.
#
#   url=$(bash scripts/postgres.sh start DIR)   # prints postgres://jixiao:jixiao@127.0.0.1:<port>/jixiao
#   bash scripts/postgres.sh stop DIR
#
# `start` installs Debian's `postgresql` with apt when no server is installed and we are root (or have
# sudo), creates a cluster in DIR (initdb), starts it on 127.0.0.1 on a free port and prints its URL.
# The user `jixiao` (password `jixiao`) is a superuser: the tests create a database per test file.
# The cluster trades durability for speed (fsync off): it is for tests only.
# Exit 3 = PostgreSQL is not installed and cannot be (no root, no sudo): callers skip the PostgreSQL part.
set -euo pipefail

command=${1:-start}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_owner() {
  # initdb and postgres refuse to run as root: root runs them as the `postgres` user the package creates.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
stop)
  bin=$(bindir)
  [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
  ;;
start) ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac

if [ -z "$(bindir)" ]; then
  if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo); else
    echo "PostgreSQL is not installed and this user cannot install it (no root, no sudo)" >&2
    exit 3
  fi
  echo "==> installing Debian's postgresql (apt)" >&2
  "${sudo[@]}" apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  # The package starts its own cluster where a service manager runs; ours is separate and on its own port.
fi
bin=$(bindir)
[ -n "$bin" ] || { echo "PostgreSQL install failed: no /usr/lib/postgresql/*/bin" >&2; exit 3; }

mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
printf 'jixiao\n' >"$dir/password"
[ "$(id -u)" = 0 ] && chown postgres: "$dir/password"
as_owner "$bin/initdb" -D "$dir/data" -U jixiao --pwfile="$dir/password" --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  as_owner "$bin/initdb" -D "$dir/data" -U jixiao --pwfile="$dir/password" --auth=scram-sha-256 --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
echo "postgres://jixiao:jixiao@127.0.0.1:$port/postgres"
