#!/usr/bin/env bash
# The long soaks, not part of the test command (which runs short versions of both):
#   scripts/soak.sh [properties]  100,000 random instruction sequences per property test (CASES=N)
#   scripts/soak.sh faults        the end-to-end suite with its fault soak raised to 1,000 injected
#                                 faults (FAULTS=N, SEED=N) against the local validator
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-properties}" in
  properties)
    bash scripts/sbf.sh build
    FISC_PROPTEST_RANDOM=1 FISC_PROPTEST_CASES=${CASES:-100000} cargo test -q -p fisc-tests --test budget_properties --test disbursement_properties -- --nocapture
    ;;
  faults)
    bash scripts/sbf.sh build
    cargo build -q --locked -p fisc --bin fisc
    FISC_VALIDATOR=$(bash scripts/validator.sh) FISC_SOAK_FAULTS=${FAULTS:-1000} FISC_SOAK_SEED=${SEED:-7} bash scripts/e2e.sh
    ;;
  *) echo "usage: scripts/soak.sh [properties|faults]" >&2; exit 2 ;;
esac
