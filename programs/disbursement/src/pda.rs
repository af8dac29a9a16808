//! Off-chain derivation of the program's addresses, for clients and tests (never compiled on chain,
//! where handlers use the stored bumps).

use anchor_lang::prelude::Pubkey;

use crate::constants::SEED_CONFIG;

/// The config singleton.
pub fn config() -> Pubkey {
    Pubkey::find_program_address(&[SEED_CONFIG], &crate::ID).0
}

/// The authority PDA that signs outlay requests to the budget program.
pub fn authority() -> Pubkey {
    crate::constants::AUTHORITY_AND_BUMP.0
}

/// The `emit_cpi!` event authority of this program.
pub fn event_authority() -> Pubkey {
    Pubkey::find_program_address(&[b"__event_authority"], &crate::ID).0
}

/// The approval policy of `agency`.
pub fn policy(agency: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(
        &[crate::constants::SEED_POLICY, agency.as_ref()],
        &crate::ID,
    )
    .0
}

/// The payment request of `agency` with `sequence`.
pub fn request(agency: &Pubkey, sequence: u64) -> Pubkey {
    Pubkey::find_program_address(
        &[
            crate::constants::SEED_REQUEST,
            agency.as_ref(),
            &sequence.to_le_bytes(),
        ],
        &crate::ID,
    )
    .0
}

/// The batch request of `agency` with `sequence`.
pub fn batch(agency: &Pubkey, sequence: u64) -> Pubkey {
    Pubkey::find_program_address(
        &[
            crate::constants::SEED_BATCH,
            agency.as_ref(),
            &sequence.to_le_bytes(),
        ],
        &crate::ID,
    )
    .0
}
