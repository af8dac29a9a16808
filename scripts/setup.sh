#!/usr/bin/env bash
# Set up a fresh Debian 12 machine for fisc: system packages, the pinned host Rust toolchain and the
# SBF toolchain (scripts/sbf.sh install). Idempotent: a second run installs nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# libclang-dev and protobuf-compiler: the validator's rocksdb bindings and Agave's protobufs;
# postgresql: the indexer's PostgreSQL tests (scripts/pg.sh starts a throwaway server); sqlite3: e2e checks.
APT_PACKAGES=(build-essential pkg-config libssl-dev python3 curl ca-certificates git libclang-dev protobuf-compiler postgresql sqlite3)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v rustup >/dev/null; then
  echo "setup.sh: installing rustup from static.rust-lang.org"
  curl --proto '=https' --tlsv1.2 -sSf -o /tmp/rustup-init \
    https://static.rust-lang.org/rustup/dist/x86_64-unknown-linux-gnu/rustup-init
  chmod +x /tmp/rustup-init
  /tmp/rustup-init -y --profile minimal --default-toolchain none
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
# The host toolchain pinned in rust-toolchain.toml.
rustup toolchain install "$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)" \
  --profile minimal --component rustfmt,clippy
cargo --version

bash scripts/sbf.sh install

# The local validator (Agave 4.2.2; about 25 minutes the first time), cached outside the clone.
FISC_CACHE=${FISC_CACHE:-$HOME/.cache/fisc}
CARGO_TARGET_DIR="$FISC_CACHE/target-validator" cargo build --release --locked --manifest-path localnet/Cargo.toml
