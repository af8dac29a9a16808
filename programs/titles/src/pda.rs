//! Off-chain derivation of the program's addresses, for clients and tests (never compiled on chain,
//! where handlers use the stored bumps).

use anchor_lang::prelude::Pubkey;

use crate::constants::{JURISDICTION_LEN, SEED_REGISTRY};

/// The registry of a jurisdiction.
pub fn registry(jurisdiction: &[u8; JURISDICTION_LEN]) -> Pubkey {
    Pubkey::find_program_address(&[SEED_REGISTRY, jurisdiction], &crate::ID).0
}

/// The `emit_cpi!` event authority of this program.
pub fn event_authority() -> Pubkey {
    Pubkey::find_program_address(&[b"__event_authority"], &crate::ID).0
}
