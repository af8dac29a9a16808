#!/usr/bin/env bash
# Set up a fresh Debian 12 machine for fisc: system packages, the pinned host Rust toolchain, the SBF
# toolchain (scripts/sbf.sh install) and the local validator (scripts/validator.sh). Idempotent: a second
# run installs nothing and builds nothing.
#
#   scripts/setup.sh              every step: apt rust sbf validator
#   scripts/setup.sh STEP...      only these steps, in this order (.ci/run builds the validator
#                                 beside the SBF toolchain and the tests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/stage.sh
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(apt rust sbf validator)

apt_packages() {
  stage "apt packages"
  # clang and libclang-dev: the validator's rocksdb (its C++ compiled by clang, its bindings by bindgen);
  # protobuf-compiler: Agave's protobufs (Debian's protoc instead of protobuf compiled from source, see
  # localnet/protobuf-src); libssl-dev: OpenSSL for the validator and the client; postgresql: the
  # indexer's PostgreSQL tests (scripts/pg.sh starts a throwaway server); sqlite3: e2e checks.
  APT_PACKAGES=(build-essential pkg-config libssl-dev python3 curl ca-certificates git clang libclang-dev protobuf-compiler postgresql sqlite3)
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup.sh: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

host_toolchain() {
  stage "host toolchain"
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
}

for step in "${steps[@]}"; do
  case "$step" in
  apt) apt_packages ;;
  rust) host_toolchain ;;
  sbf)
    stage "SBF toolchain"
    bash scripts/sbf.sh install
    ;;
  validator)
    stage "validator build"
    bash scripts/validator.sh >/dev/null
    ;;
  *)
    echo "usage: scripts/setup.sh [apt | rust | sbf | validator]..." >&2
    exit 2
    ;;
  esac
done
stage_end
