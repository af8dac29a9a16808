#!/usr/bin/env bash
# A throwaway PostgreSQL from Debian's package, for the tests and the benchmark:
#   pg.sh start DIR PORT       initdb into DIR, start on 127.0.0.1:PORT, print the server's URL
#   pg.sh createdb PORT NAME   create a database, print its URL
#   pg.sh stop DIR             stop it
# Run as root, the server runs as the `postgres` user (PostgreSQL refuses root).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "pg.sh: PostgreSQL is not installed (scripts/setup.sh installs Debian's postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    dir=$2 port=$3
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U fisc --auth=trust -E UTF8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    echo "postgres://fisc@127.0.0.1:$port/postgres"
    ;;
  createdb)
    port=$2 name=$3
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U fisc "$name"
    echo "postgres://fisc@127.0.0.1:$port/$name"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: pg.sh start DIR PORT | createdb PORT NAME | stop DIR" >&2
    exit 2
    ;;
esac
