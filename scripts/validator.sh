#!/usr/bin/env bash
# Build the local validator (localnet/, Agave 4.2.2's solana-test-validator) if cargo finds it stale, and
# print the binary's path. Its own workspace, target dir ($FISC_CACHE/target-validator) and profile
# (`validator` in localnet/Cargo.toml: opt-level 1, rocksdb's C++ at -O0, no LTO): under 27 minutes on
# 2 cores the first time (docs/ci-time.md), seconds after that. A concurrent run waits on cargo's lock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FISC_CACHE=${FISC_CACHE:-$HOME/.cache/fisc}
target=$FISC_CACHE/target-validator
# Cargo fingerprints path crates by their location and mtimes, and every fresh clone has new ones: built
# from the clone, the validator and everything above the protoc shim would be rebuilt by each CI run (3.5
# minutes). So it builds from a copy under the cache whose files change only when their content does.
src=$FISC_CACHE/localnet-src
mkdir -p "$src"
(cd localnet && find . -type f ! -path './target/*') | while read -r f; do
  cmp -s "localnet/$f" "$src/$f" || { mkdir -p "$(dirname "$src/$f")" && cp "localnet/$f" "$src/$f"; }
done
# scripts/test.sh builds the workspace with clippy as its compiler; the validator's crate would be rebuilt
# (and then rebuilt back) under it.
unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS
# Debian's OpenSSL (libssl-dev) instead of the copy some Agave crate vendors (3.5 minutes to compile).
export OPENSSL_NO_VENDOR=1
# clang compiles rocksdb's C++ about a fifth faster than gcc (scripts/setup.sh installs it).
if command -v clang++ >/dev/null; then export CXX=clang++; fi
CARGO_TARGET_DIR=$target cargo build --profile validator --locked --quiet --manifest-path "$src/Cargo.toml" >&2
echo "$target/validator/fisc-validator"
