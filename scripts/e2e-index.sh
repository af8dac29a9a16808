# The indexer end to end, sourced by scripts/e2e.sh while the local chain is up (uses its check,
# refuses, $fisc, $url, $ledger, $keys). Runs the same suite against SQLite and against a throwaway
# PostgreSQL (Debian's package, started here by scripts/pg.sh).

# A payment run, so that the history has enough transactions for kills to land mid-backfill.
proposed=0
for i in $(seq 1 12); do
  "$fisc" payment propose --url $url --keypair "$keys/hhs-requester.json" --agency 075 --tas $tas \
    --award 75N91027C00001 --amount "1.$i" --reference "INV-IDX-$i" >/dev/null && proposed=$((proposed + 1))
done
check "a payment run of 12 proposals lands" test $proposed -eq 12

dump() { "$fisc" index dump --database "$1"; }
rows() { dump "$1" | grep -c -v '^#' || true; }

index_suite() { # index_suite NAME NEW_DATABASE_COMMAND: NEW_DATABASE_COMMAND N prints a fresh database's --database value
  local name=$1 new_db=$2 a took start
  a=$($new_db a)
  start=$(date +%s%N)
  check "$name: backfill indexes the chain" "$fisc" index backfill --concurrency 1 --url $url --database "$a"
  took=$((($(date +%s%N) - start) / 1000000))
  check "$name: the audit finds that the index and the chain agree" "$fisc" audit --url $url --database "$a"
  local again
  again=$("$fisc" index backfill --url $url --database "$a")
  check "$name: a second backfill writes nothing" grep -q "^indexed 0 new transactions" <<<"$again"
  local d
  d=$(dump "$a")
  check "$name: every proposal of the run is a payment request" test "$(grep -c '|INV-IDX-' <<<"$d")" -eq 12
  check "$name: the executed payments carry their approvals" grep -q "|executed|" <<<"$d"
  check "$name: the title transfer is in the chain of title" grep -q "^# transfers (1 rows)" <<<"$d"
  local csv
  csv=$("$fisc" export appropriations --database "$a")
  check "$name: File A export has the TAS with 5,100 disbursed (base units)" grep -q "^075-2027/2028-0512-000,075,.*,5100000000,0,5100000000," <<<"$csv"
  check "$name: OCDS export is JSON with one release per obligation" python3 -c '
import json, sys
p = json.load(sys.stdin)
assert len(p["releases"]) == 2, len(p["releases"])
assert sum(len(r["contracts"][0]["implementation"]["transactions"]) for r in p["releases"]) == 2
' < <("$fisc" export ocds --database "$a")

  # kill -9 at random points of backfills until 25 kills have landed; whenever a run completes, its
  # database must equal the uninterrupted one, and the next round starts from an empty database.
  local expected total kills=0 partial=0 rounds=0 attempts=0 b pid now
  expected=$(dump "$a")
  total=$(rows "$a")
  b=$($new_db "k$rounds")
  while [ $kills -lt 25 ] && [ $attempts -lt 300 ]; do
    attempts=$((attempts + 1))
    "$fisc" index backfill --concurrency 1 --url $url --database "$b" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms=$((RANDOM % (took + 20))) 'BEGIN { printf "%.3f", ms / 1000 }')"
    if kill -9 $pid 2>/dev/null; then
      kills=$((kills + 1))
      wait $pid 2>/dev/null || true
      now=$(rows "$b")
      if [ "$now" -gt 0 ] && [ "$now" -lt "$total" ]; then partial=$((partial + 1)); fi
    elif wait $pid; then
      rounds=$((rounds + 1))
      if [ "$(dump "$b")" != "$expected" ]; then
        diff <(echo "$expected") <(dump "$b") | head -20
        check "$name: kill round $rounds ends equal to the uninterrupted index" false
      fi
      b=$($new_db "k$rounds")
    else
      check "$name: a backfill after kills completes" false
    fi
  done
  "$fisc" index backfill --url $url --database "$b" >/dev/null
  check "$name: the last killed database, completed, equals the uninterrupted one" test "$(dump "$b")" = "$expected"
  echo "e2e: $name: $kills kill -9s landed during backfills ($partial left a partial index), $rounds rounds completed in between"
  check "$name: at least 20 kill -9s, and every completed index equals the uninterrupted run" test $kills -ge 20
  refuses "$name: an unreachable RPC is a clear error" "getGenesisHash failed after" "$fisc" index backfill --url http://127.0.0.1:1 --database "$a"
}

sqlite_db() { echo "$ledger/index-$1.sqlite"; }
index_suite sqlite sqlite_db

pg_dir=$(mktemp -d)
pg_port=15432
scripts/pg.sh start "$pg_dir" $pg_port >/dev/null
pg_db() { scripts/pg.sh createdb $pg_port "$1"; }
index_suite postgresql pg_db

# Bad databases: a clear error and the file untouched.
a=$(sqlite_db a)
echo "not a database" >"$ledger/notes.txt"
refuses "a file that is not a database is refused" "is not an SQLite database" "$fisc" index status --database "$ledger/notes.txt"
check "  ... and left as it was" grep -qx "not a database" "$ledger/notes.txt"
sqlite3 "$ledger/other.sqlite" "CREATE TABLE customers (id INTEGER PRIMARY KEY)"
refuses "someone else's database is refused" "not a fisc index (customers)" "$fisc" index backfill --url $url --database "$ledger/other.sqlite"
check "  ... and left as it was" test "$(sqlite3 "$ledger/other.sqlite" .tables)" = customers
sqlite3 "$a" ".backup '$ledger/newer.sqlite'"
sqlite3 "$ledger/newer.sqlite" "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (99, 'future', 1, x'00', 0)"
refuses "a schema from a newer fisc is refused" "written by a newer fisc" "$fisc" index backfill --url $url --database "$ledger/newer.sqlite"
sqlite3 "$a" ".backup '$ledger/tampered.sqlite'"
sqlite3 "$ledger/tampered.sqlite" "UPDATE budget_accounts SET disbursed = disbursed + 1"
refuses "the audit reports a difference and fails" "disbursed: index 5100000001, chain 5100000000" "$fisc" audit --url $url --database "$ledger/tampered.sqlite"

# Finality against a node with a lagging or inconsistent view: statuses null, or at other slots, must
# not delete history (before, every such transaction was removed as a fork for good). Only the block
# at the stored slot, read at finalized, decides; when it cannot be read either, nothing is removed.
reference=$(sqlite_db reference)
"$fisc" index backfill --url $url --database "$reference" >/dev/null
fault_port=18903
for fault in "--lagging-statuses" "--stale-status-slots" "--lagging-statuses --no-blocks"; do
  db=$(sqlite_db "fault-${fault//[- ]/}")
  # shellcheck disable=SC2086 # the fault is one or two flags
  python3 scripts/faulty-rpc.py $fault_port $url $fault >"$ledger/fault.log" 2>&1 &
  fault_proxy=$!
  background+=($fault_proxy)
  for _ in $(seq 1 50); do
    curl -s -o /dev/null -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"getHealth"}' http://127.0.0.1:$fault_port && break
    sleep 0.2
  done
  passed_out=$("$fisc" index backfill --url http://127.0.0.1:$fault_port --database "$db")
  kill $fault_proxy || true
  wait $fault_proxy 2>/dev/null || true
  check "finality through a node with $fault: the fault was injected" grep -q "getSignatureStatuses rewritten" "$ledger/fault.log"
  check "  ... nothing was removed" grep -q " 0 removed (fork)" <<<"$passed_out"
  check "  ... and the index equals one built without faults" test "$(dump "$db")" = "$(dump "$reference")"
  if [ "$fault" = "--lagging-statuses --no-blocks" ]; then
    check "  ... every transaction left undecided, none finalized" grep -qE "0 marked finalized, 0 removed \(fork\), [1-9][0-9]* undecided" <<<"$passed_out"
    check "  ... and a pass through a sound node finalizes them" grep -qE "[1-9][0-9]* marked finalized, 0 removed" <<<"$("$fisc" index backfill --url $url --database "$db")"
  else
    check "  ... every transaction finalized from its block" grep -qE "[1-9][0-9]* marked finalized, 0 removed" <<<"$passed_out"
  fi
done

# The benchmark's input, recorded from this chain, and the benchmark itself (figures, not assertions).
check "the chain's fisc transactions record as a fixture" "$fisc" index record --url $url --out "$ledger/fixture.json"
check "the decode + store benchmark runs on it" "$fisc" index bench --fixture "$ledger/fixture.json" --database "$ledger/bench.sqlite" --repeat 3
# FISC_RECORD_FIXTURE=PATH keeps the recording (tests/fixtures/index-transactions.json was made so).
[ -z "${FISC_RECORD_FIXTURE:-}" ] || cp "$ledger/fixture.json" "$FISC_RECORD_FIXTURE"

# Following live, through a proxy that goes away for a while (an RPC outage): the follower rides it
# out, a request proposed meanwhile appears once the RPC is back, is marked finalized later, and Ctrl-C
# stops the follower cleanly.
follow_db=$(sqlite_db follow)
follow_port=18902
start_follow_proxy() {
  python3 scripts/faulty-rpc.py $follow_port $url >/dev/null 2>&1 &
  follow_proxy=$!
  background+=($follow_proxy)
  for _ in $(seq 1 50); do
    curl -s -o /dev/null -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"getHealth"}' http://127.0.0.1:$follow_port && return
    sleep 0.2
  done
}
start_follow_proxy
"$fisc" index follow --url http://127.0.0.1:$follow_port --database "$follow_db" --interval-ms 300 >"$ledger/follow.log" 2>&1 &
follower=$!
background+=($follower)
for _ in $(seq 1 60); do grep -q " new, " "$ledger/follow.log" && break; sleep 0.5; done
kill $follow_proxy || true
wait $follow_proxy 2>/dev/null || true
for _ in $(seq 1 60); do grep -q "trying again" "$ledger/follow.log" && break; sleep 1; done
check "follow rides out an RPC outage" grep -q "trying again in" "$ledger/follow.log"
check "  ... and keeps running" kill -0 $follower
start_follow_proxy
"$fisc" payment propose --url $url --keypair "$keys/hhs-requester.json" --agency 075 --tas $tas \
  --award 75N91027C00001 --amount 2.50 --reference INV-FOLLOW >/dev/null
seen=false
for _ in $(seq 1 60); do
  if "$fisc" index dump --database "$follow_db" 2>/dev/null | grep -q "|INV-FOLLOW|"; then seen=true; break; fi
  sleep 0.5
done
check "follow indexes a request proposed while it runs" $seen
settled=false
for _ in $(seq 1 90); do
  status=$("$fisc" index status --database "$follow_db" 2>/dev/null || true)
  if grep -qE "finalized +([0-9]+) of \1 transactions" <<<"$status"; then settled=true; break; fi
  sleep 1
done
check "follow marks every transaction finalized once its slot is" $settled
kill -INT $follower
check "Ctrl-C stops the follower cleanly" wait $follower
kill $follow_proxy || true
check "  ... saying where the next run continues" grep -q "continues where this one stopped" "$ledger/follow.log"
