#!/usr/bin/env bash
# The test command: formatting, the programs built to SBF, the committed IDL checked, every crate of the
# workspace built and linted in one pass, every test run against the built .so files (including the
# check that docs/compute-units.md is current), then the client against a real local validator.
# Arguments go to `cargo test` (e.g. a test name filter).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/stage.sh

stage "lint: rustfmt"
cargo fmt --all -- --check

stage "SBF build"
bash scripts/sbf.sh install
bash scripts/sbf.sh build

stage "IDL check"
cargo run -q --locked -p xtask -- idl --check

# The SDK and the LiteSVM tests take no database and no command-line crate (the indexer and the CLI do).
stage "crate boundaries"
for crate in fisc-client fisc-tests; do
  if cargo tree -q --locked -p $crate -e normal --prefix none | sed 's/ .*//' | grep -xE 'sqlx|clap|comfy-table|libsqlite3-sys|toml|ctrlc'; then
    echo "$crate depends on a database or CLI crate (listed above)"
    exit 1
  fi
done

# Clippy runs as the compiler of the workspace's own crates while they are built for the tests (what
# `cargo clippy` does under `cargo check`), so the dependencies are compiled once, for the tests, instead
# of a second time in check mode. Every cargo command below uses the same wrapper, or cargo would
# rebuild the workspace's crates.
export RUSTC_WORKSPACE_WRAPPER=clippy-driver
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
stage "host test build, clippy -D warnings"
cargo test --workspace --locked --no-run -q

stage "LiteSVM and client tests"
FISC_CU_CHECK=1 cargo test --workspace --locked "$@"

stage "validator build (waits for one under way)"
FISC_VALIDATOR=$(bash scripts/validator.sh)
export FISC_VALIDATOR

# The client against a real local validator over JSON-RPC, with the `fisc` binary the tests built.
stage "end-to-end"
bash scripts/e2e.sh
stage_end
