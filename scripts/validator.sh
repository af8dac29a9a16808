#!/usr/bin/env bash
# Build the local validator (localnet/, Agave 4.2.2's solana-test-validator) if cargo finds it stale, and
# print the binary's path. Its own workspace, target dir ($FISC_CACHE/target-validator) and profile
# (`validator` in localnet/Cargo.toml: opt-level 1, rocksdb's C++ at -O0, no LTO); about 20 minutes on
# 2 cores the first time, a second or two after that. A concurrent run waits on cargo's lock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FISC_CACHE=${FISC_CACHE:-$HOME/.cache/fisc}
target=$FISC_CACHE/target-validator
# Debian's OpenSSL (libssl-dev) instead of the copy some Agave crate vendors (3.5 minutes to compile).
export OPENSSL_NO_VENDOR=1
# clang compiles rocksdb's C++ about a fifth faster than gcc (scripts/setup.sh installs it).
if command -v clang++ >/dev/null; then export CXX=clang++; fi
CARGO_TARGET_DIR=$target cargo build --profile validator --locked --quiet --manifest-path localnet/Cargo.toml >&2
echo "$target/validator/fisc-validator"
