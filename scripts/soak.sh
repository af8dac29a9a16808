#!/usr/bin/env bash
# The long soak: 100,000 random instruction sequences per property test (override with CASES=N).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/sbf.sh build
FISC_PROPTEST_RANDOM=1 FISC_PROPTEST_CASES=${CASES:-100000} cargo test -q -p fisc-tests --test budget_properties --test disbursement_properties -- --nocapture
