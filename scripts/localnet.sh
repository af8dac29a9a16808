#!/usr/bin/env bash
# The main job: a real solana-test-validator on 127.0.0.1 with fisc's programs deployed, the bootstrap
# of migrations/localnet.toml applied, a payment and a title transfer going through; stays up until
# Ctrl-C. Builds what is missing first (programs, the validator, the CLI). Extra arguments go to
# `fisc localnet` (e.g. --exit, --ledger DIR, --rpc-port N).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export FISC_CACHE=${FISC_CACHE:-$HOME/.cache/fisc}
bash scripts/sbf.sh build
FISC_VALIDATOR=$(bash scripts/validator.sh)
export FISC_VALIDATOR
cargo build --locked -p fisc --bin fisc
exec "${CARGO_TARGET_DIR:-target}/debug/fisc" localnet --deploy-dir "${CARGO_TARGET_DIR:-target}/deploy" "$@"
