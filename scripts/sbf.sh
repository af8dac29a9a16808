#!/usr/bin/env bash
# Build fisc's Anchor programs to SBPF v3 `.so` files without Solana's platform-tools download.
#
#   scripts/sbf.sh install          install the pinned toolchain into $FISC_CACHE (idempotent)
#   scripts/sbf.sh build [PROG...]  build programs (default: all) into $CARGO_TARGET_DIR/deploy/<prog>.so
#                                   (target/deploy/<prog>.so when CARGO_TARGET_DIR is unset)
#   scripts/sbf.sh env              print the environment the build uses (for debugging)
#
# The route (see docs/sbf-route.md): a date-pinned rustup nightly whose LLVM handles the BPF backend,
# a copy of its rust-src patched so std knows `target_os = "solana"`, a custom target JSON, -Zbuild-std,
# and the stock `sbpf-linker` from crates.io, which links the bitcode with the nightly's own libLLVM.
# Nothing here touches the rustup toolchain itself; everything is cached under $FISC_CACHE.
#
# Users with Solana's official toolchain can ignore this script and run `anchor build`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FISC_CACHE=${FISC_CACHE:-$HOME/.cache/fisc}
NIGHTLY=nightly-2026-10-30          # rustc 1.101.0-nightly (92b5b8c87 2026-10-29), LLVM 23.1.4
SBPF_LINKER_VERSION=0.2.6
PROGRAMS=(budget disbursement titles)

SBF_HOME=$FISC_CACHE/sbf
TOOLS=$SBF_HOME/tools
PATCHES=("$ROOT/scripts/sbf/patch_std_solana.py" "$ROOT/scripts/sbf/patch_std_solana_hash.py")
TARGET_JSON=$ROOT/scripts/sbf/bpfel-solana-none.json
SBF_TARGET_DIR=${FISC_SBF_TARGET_DIR:-$FISC_CACHE/target-sbf}
# Where the .so files go: where `anchor build` puts them, under the host build's target dir.
DEPLOY_DIR=${CARGO_TARGET_DIR:-$ROOT/target}/deploy

die() {
  echo "sbf.sh: error: $*" >&2
  exit 1
}
say() { echo "sbf.sh: $*" >&2; }

# The patched std copy is keyed by the nightly and the patches' content, so a changed patch makes a fresh
# copy (cargo would not notice edits to build-std sources) and a fresh target dir below.
patch_key() { cat "${PATCHES[@]}" | sha256sum | cut -c1-12; }
rust_src_dir() { echo "$SBF_HOME/rust-src-$NIGHTLY-$(patch_key)/library"; }

install_nightly() {
  if rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1 &&
    [ -d "$(rustc +"$NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library" ]; then
    return
  fi
  say "installing rust $NIGHTLY with rust-src (pinned: its LLVM 23 is the first whose BPF backend builds Anchor)"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src ||
    die "could not install $NIGHTLY from rustup's dist server (static.rust-lang.org).
  If the server is unreachable, retry later. If the pinned nightly has vanished from the server, pick a newer
  date in NIGHTLY in scripts/sbf.sh, run this script again (the std patch fails loudly if std changed) and run
  the tests; see docs/sbf-route.md."
}

install_linker() {
  local bin=$TOOLS/bin/sbpf-linker
  if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "$SBPF_LINKER_VERSION"; then
    return
  fi
  say "installing sbpf-linker $SBPF_LINKER_VERSION from crates.io (a few minutes; the whole install took 4 cold)"
  # opt-level 1: the linker's own code only moves bytes (LLVM, loaded at run time, does the work).
  (cd "$ROOT" && CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install --locked --quiet "sbpf-linker@$SBPF_LINKER_VERSION" --root "$TOOLS") ||
    die "could not install sbpf-linker $SBPF_LINKER_VERSION from crates.io.
  If crates.io is unreachable, retry later. If the version was yanked, pick the newest 0.2.x in
  SBPF_LINKER_VERSION in scripts/sbf.sh and run the tests."
}

install_rust_src() {
  local lib
  lib=$(rust_src_dir)
  [ -f "$lib/.fisc-patched" ] && return
  say "copying $NIGHTLY's rust-src and patching std for target_os = \"solana\""
  rm -rf "$(dirname "$lib")"
  mkdir -p "$(dirname "$lib")"
  cp -a "$(rustc +"$NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library" "$(dirname "$lib")/"
  for p in "${PATCHES[@]}"; do
    python3 "$p" "$lib" >/dev/null || die "std patch $(basename "$p") failed on $NIGHTLY's rust-src (see above)"
  done
  touch "$lib/.fisc-patched"
}

cmd_install() {
  command -v rustup >/dev/null || die "rustup is not installed (https://rustup.rs); .ci/run installs it"
  command -v python3 >/dev/null || die "python3 is needed to patch std"
  mkdir -p "$SBF_HOME" "$TOOLS"
  install_nightly
  install_linker
  install_rust_src
  say "toolchain ready: $NIGHTLY, sbpf-linker $SBPF_LINKER_VERSION, patched std in $(rust_src_dir)"
}

sbf_env() {
  export PATH="$TOOLS/bin:$PATH"
  export __CARGO_TESTS_ONLY_SRC_ROOT
  __CARGO_TESTS_ONLY_SRC_ROOT=$(rust_src_dir)
  # SBPF v3; 4 KiB stack frames like Solana's; f64/i128 helpers the linker would otherwise drop;
  # atomics lowered away (SBPF has none); --deploy=false stops sbpf-linker from also writing
  # ./target/deploy/<crate>.so for every cdylib it links (a dependent's `cpi` build of a program would
  # overwrite that program's real .so). With --target, RUSTFLAGS reach only the program, never build scripts.
  export RUSTFLAGS="-Zunstable-options -Cpasses=lower-atomic -Crelocation-model=static -Ctarget-cpu=v3 \
-Clink-arg=--arch=v3 -Clink-arg=--llvm-args=--bpf-stack-size=4096 -Clink-arg=--deploy=false \
-Clink-arg=--export=__floattidf,__fixdfdi,__unorddf2"
  # One target dir per patched std: a changed patch must not reuse a std built from the old one.
  export CARGO_TARGET_DIR=$SBF_TARGET_DIR/$(patch_key)
  unset RUSTUP_TOOLCHAIN CARGO_BUILD_TARGET
}

cmd_build() {
  [ -f "$(rust_src_dir)/.fisc-patched" ] && [ -x "$TOOLS/bin/sbpf-linker" ] ||
    die "the SBF toolchain is not installed: run scripts/sbf.sh install"
  local progs=("$@")
  [ ${#progs[@]} -gt 0 ] || progs=("${PROGRAMS[@]}")
  sbf_env
  mkdir -p "$DEPLOY_DIR"
  local scratch=$SBF_HOME/scratch
  mkdir -p "$scratch"
  for prog in "${progs[@]}"; do
    [ -d "$ROOT/programs/$prog" ] || die "no program named $prog under programs/"
    local out=$scratch/out-$prog
    rm -rf "$out"
    say "building $prog"
    # One cargo run per program: a workspace-wide build would unify a dependent's `cpi` feature
    # (which implies no-entrypoint) into the program's own .so.
    (cargo +"$NIGHTLY" build --release --locked \
      --manifest-path "$ROOT/Cargo.toml" -p "$prog" \
      -Zjson-target-spec -Zbuild-std=std,panic_abort --target "$TARGET_JSON" \
      -Zunstable-options --artifact-dir "$out") || die "building $prog to SBF failed (see above)"
    local so
    so=$(find "$out" -maxdepth 1 -name "*$prog*.so" | head -n1)
    [ -n "$so" ] || die "cargo built $prog but left no .so in $out"
    cp "$so" "$DEPLOY_DIR/$prog.so"
    say "$DEPLOY_DIR/$prog.so ($(stat -c %s "$DEPLOY_DIR/$prog.so") bytes)"
    # Beside the .so, where `anchor deploy` looks for the program's keypair (localnet ids only).
    [ -f "$DEPLOY_DIR/$prog-keypair.json" ] ||
      cp "$ROOT/migrations/localnet-keys/$prog-keypair.json" "$DEPLOY_DIR/"
  done
}

case "${1:-}" in
install) cmd_install ;;
build)
  shift
  cmd_build "$@"
  ;;
env)
  sbf_env
  env | grep -E '^(PATH|__CARGO_TESTS_ONLY_SRC_ROOT|RUSTFLAGS|CARGO_TARGET_DIR)='
  ;;
*)
  echo "usage: scripts/sbf.sh install | build [PROGRAM...] | env" >&2
  exit 2
  ;;
esac
