#!/usr/bin/env bash
# The test command: check formatting and lints, build the programs to SBF, check the committed IDL,
# run every test against the built .so files (and check docs/compute-units.md is current).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -q -- -D warnings
bash scripts/sbf.sh install
bash scripts/sbf.sh build
cargo run -q -p xtask -- idl --check
FISC_CU_CHECK=1 cargo test --workspace --locked "$@"
# The client against a real local validator over JSON-RPC.
cargo build --locked -q -p fisc-client --bin fisc
bash scripts/e2e.sh
