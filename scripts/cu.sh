#!/usr/bin/env bash
# Rebuild the programs and rewrite docs/compute-units.md from the SVM's measurements.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/sbf.sh build
FISC_CU_WRITE=1 cargo test -q -p fisc-tests --test compute_units
echo "cu.sh: wrote docs/compute-units.md"
