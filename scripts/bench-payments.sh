#!/usr/bin/env bash
# Payments per second that one fisc client process sustains against the local validator: brings up
# the main job's chain (scripts/localnet.sh's build), then `fisc bench payments`. Figures, not a test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export FISC_CACHE=${FISC_CACHE:-$HOME/.cache/fisc}
target=${CARGO_TARGET_DIR:-target}
cargo build -q --locked --profile perf -p fisc --bin fisc
fisc=$target/perf/fisc
ledger=$(mktemp -d)
port=18999
"$fisc" localnet --ledger "$ledger" --rpc-port $port --deploy-dir "$target/deploy" \
  --validator "$(bash scripts/validator.sh)" >"$ledger/localnet.log" 2>&1 &
localnet=$!
trap 'kill -INT $localnet 2>/dev/null; wait $localnet 2>/dev/null; rm -rf "$ledger"' EXIT
for _ in $(seq 1 240); do grep -q "the local chain is up" "$ledger/localnet.log" && break; sleep 1; done
keys=$ledger/fisc-keys
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$fisc" --url http://127.0.0.1:$port --keypair "$keys/deployer.json" bench payments \
  --agency 075 --tas 075-2027/2028-0512-000 --award 75N91027C00001 \
  --requester "$keys/hhs-requester.json" --approver "$keys/hhs-approver-1.json" --officer "$keys/hhs-disbursing-officer.json" \
  --count "${COUNT:-40}" --threads "${THREADS:-8}"
