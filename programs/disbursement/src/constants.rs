//! PDA seeds and protocol constants.

/// Seed of the config singleton: `[SEED_CONFIG]`.
pub const SEED_CONFIG: &[u8] = b"config";

/// Seed of the authority PDA that signs outlay requests to the budget program: `[SEED_AUTHORITY]`.
pub const SEED_AUTHORITY: &[u8] = b"authority";

/// The authority PDA and its bump, derived at compile time (no PDA search on chain).
pub const AUTHORITY_AND_BUMP: (anchor_lang::prelude::Pubkey, u8) = {
    let (address, bump) =
        anchor_lang::derive_program_address(&[SEED_AUTHORITY], &crate::ID_CONST.to_bytes());
    (anchor_lang::prelude::Pubkey::new_from_array(address), bump)
};

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;
