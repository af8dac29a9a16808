#!/usr/bin/env bash
# The indexer's decode + store throughput on the recorded fixture (tests/fixtures/index-transactions.json,
# real transactions of the local chain), into SQLite and into a throwaway PostgreSQL, with an optimised
# build. Figures, not assertions: the README's table comes from here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-target}
cargo build -q --locked --profile perf -p fisc --bin fisc
fisc=$target/perf/fisc
fixture=tests/fixtures/index-transactions.json
work=$(mktemp -d)
pg_dir=$(mktemp -d)
trap 'scripts/pg.sh stop "$pg_dir" 2>/dev/null || true; rm -rf "$work" "$pg_dir"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "== SQLite (a file, WAL, one commit per transaction)"
"$fisc" index bench --fixture $fixture --database "$work/bench.sqlite" --repeat "${SQLITE_REPEAT:-200}"
echo "== PostgreSQL $(ls /usr/lib/postgresql | sort -V | tail -1) (local, one commit per transaction)"
scripts/pg.sh start "$pg_dir" 15433 >/dev/null
"$fisc" index bench --fixture $fixture --database "$(scripts/pg.sh createdb 15433 bench)" --repeat "${PG_REPEAT:-100}"
