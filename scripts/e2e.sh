#!/usr/bin/env bash
# End to end against a real local validator over JSON-RPC: the main job on a fresh ledger (bootstrap,
# a payment and a title transfer), then again on the same ledger (the bootstrap must change nothing),
# then bad input that must fail with a one-line error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export FISC_CACHE=${FISC_CACHE:-$HOME/.cache/fisc}
target=${CARGO_TARGET_DIR:-target}
fisc="$target/debug/fisc"
validator=${FISC_VALIDATOR:-$FISC_CACHE/target-validator/validator/fisc-validator}
[ -x "$fisc" ] && [ -x "$validator" ] || { echo "e2e: build first (scripts/test.sh builds both)" >&2; exit 1; }
ledger=$(mktemp -d)
localnet=
background=() # helper processes (RPC proxies, followers), stopped on exit
cleanup() {
  for pid in "${background[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -z "$localnet" ] || kill -INT "$localnet" 2>/dev/null || true
  if [ -n "${pg_dir:-}" ]; then scripts/pg.sh stop "$pg_dir" 2>/dev/null || true; rm -rf "$pg_dir"; fi
  [ -z "$localnet" ] || wait "$localnet" 2>/dev/null || true
  [ -n "${FISC_E2E_KEEP:-}" ] && echo "e2e: ledger kept in $ledger" || rm -rf "$ledger"
}
trap cleanup EXIT
port=18899
passed=0
failed=0
check() { # check NAME COMMAND...: the command must succeed
  if "${@:2}"; then passed=$((passed + 1)); echo "e2e: ok   $1"; else failed=$((failed + 1)); echo "e2e: FAIL $1"; fi
}
refuses() { # refuses NAME EXPECTED COMMAND...: the command must fail, printing EXPECTED
  local out
  if out=$("${@:3}" 2>&1); then failed=$((failed + 1)); echo "e2e: FAIL $1 (it succeeded)"; return; fi
  if grep -q -- "$2" <<<"$out"; then passed=$((passed + 1)); echo "e2e: ok   $1"; else failed=$((failed + 1)); echo "e2e: FAIL $1: $out"; fi
}

"$fisc" localnet --ledger "$ledger" --rpc-port $port --deploy-dir "$target/deploy" --validator "$validator" >"$ledger/run1.log" 2>&1 &
localnet=$!
for _ in $(seq 1 240); do
  grep -q "the local chain is up" "$ledger/run1.log" && break
  kill -0 $localnet 2>/dev/null || break
  sleep 1
done
run1=$(cat "$ledger/run1.log")
echo "$run1"
check "first run creates the treasury" grep -q "created    treasury" <<<"$run1"
check "a payment is executed" grep -q "executed by the disbursing officer" <<<"$run1"
check "the payee is paid 5000" grep -q "payee balance now 5000" <<<"$run1"
check "a title is transferred" grep -q "accepted by the receiving agency" <<<"$run1"

# The CLI against the running chain, as the agency's officers.
url=http://127.0.0.1:$port
keys=$ledger/fisc-keys
tas=075-2027/2028-0512-000
check "the requester proposes through the CLI" "$fisc" payment propose --url $url --keypair "$keys/hhs-requester.json" --agency 075 --tas $tas --award 75N91027C00001 --amount 100.00 --reference INV-CLI-1
refuses "execution before approval is refused and explained" "payment needs 1 approvals, has 0" "$fisc" payment execute --url $url --keypair "$keys/hhs-disbursing-officer.json" --agency 075 --sequence 1
refuses "the requester cannot approve" "not a member\|does not hold the role" "$fisc" payment approve --url $url --keypair "$keys/hhs-requester.json" --agency 075 --sequence 1
check "an approver approves through the CLI" "$fisc" payment approve --url $url --keypair "$keys/hhs-approver-1.json" --agency 075 --sequence 1
check "the disbursing officer executes through the CLI" "$fisc" payment execute --url $url --keypair "$keys/hhs-disbursing-officer.json" --agency 075 --sequence 1
refuses "a second execution finds the request closed" "no open payment request 1" "$fisc" payment execute --url $url --keypair "$keys/hhs-disbursing-officer.json" --agency 075 --sequence 1
show=$("$fisc" budget show --url $url --agency 075 --tas $tas)
echo "$show"
check "the budget account shows 5100 disbursed" grep -q "disbursed .* 5100.000000" <<<"$show"
source scripts/e2e-index.sh
source scripts/e2e-cli.sh
source scripts/e2e-soak.sh
balance_before_run2=$(vendor_balance)
kill -INT $localnet
wait $localnet || true

run2=$("$fisc" localnet --exit --ledger "$ledger" --rpc-port $port --deploy-dir "$target/deploy" --validator "$validator" 2>&1) || { echo "$run2"; exit 1; }
check "a second bootstrap changes nothing" grep -q "nothing to do: the chain already matches the plan" <<<"$run2"
check "the second run pays again (a new request): what the first run and the suites left the payee + 5000" grep -q "payee balance now $(python3 -c 'import sys; from decimal import Decimal; print(f"{(Decimal(sys.argv[1]) / 10**6 + 5000).normalize():f}")' "$balance_before_run2") " <<<"$run2"

refuses "a negative amount, before any RPC" "is negative" "$fisc" payment propose --url http://127.0.0.1:1 --keypair "$ledger/fisc-keys/deployer.json" --agency 075 --tas X --award A --amount -5 --reference R
refuses "a missing keypair file" "cannot read keypair" "$fisc" payment approve --url http://127.0.0.1:1 --keypair /nonexistent.json --agency 075 --sequence 0
refuses "an unreachable RPC" "RPC at http://127.0.0.1:1 failed" "$fisc" payment approve --url http://127.0.0.1:1 --keypair "$ledger/fisc-keys/deployer.json" --agency 075 --sequence 0
refuses "an unknown agency code that is too long" "must be 1 to 8 bytes" "$fisc" budget show --url http://127.0.0.1:1 --agency 123456789 --tas X

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
