//! PDA seeds and protocol constants.

/// Seed of the treasury singleton: `[SEED_TREASURY]`.
pub const SEED_TREASURY: &[u8] = b"treasury";

/// The treasury singleton's address and bump, derived at compile time: instructions check the address
/// instead of searching for the PDA.
pub const TREASURY_AND_BUMP: (anchor_lang::prelude::Pubkey, u8) = {
    let (address, bump) =
        anchor_lang::derive_program_address(&[SEED_TREASURY], &crate::ID_CONST.to_bytes());
    (anchor_lang::prelude::Pubkey::new_from_array(address), bump)
};
/// Seed of an agency: `[SEED_AGENCY, code]`.
pub const SEED_AGENCY: &[u8] = b"agency";
/// Seed of a member of an agency: `[SEED_MEMBER, agency, member key]`.
pub const SEED_MEMBER: &[u8] = b"member";
/// Seed of a budget account: `[SEED_BUDGET_ACCOUNT, agency, tas]`.
pub const SEED_BUDGET_ACCOUNT: &[u8] = b"budget_account";
/// Seed of an obligation: `[SEED_OBLIGATION, budget account, award id]`.
pub const SEED_OBLIGATION: &[u8] = b"obligation";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Most years an appropriation may stay expired before it is cancelled.
pub const MAX_CANCELLATION_YEARS: u8 = 30;
/// Mints the treasury can allow for payments.
pub const MAX_MINTS: usize = 4;

/// Bytes of an agency code (ASCII, zero-padded), e.g. `075`.
pub const AGENCY_CODE_LEN: usize = 8;
/// Bytes of a display name (UTF-8, zero-padded).
pub const NAME_LEN: usize = 48;
/// Bytes of a Treasury Account Symbol (ASCII, zero-padded), e.g. `075-2026/2027-0512-000`.
pub const TAS_LEN: usize = 24;
/// Bytes of an award id, a PIID or FAIN (ASCII, zero-padded).
pub const AWARD_ID_LEN: usize = 32;
/// Bytes of a payee id, a UEI (ASCII, zero-padded).
pub const PAYEE_ID_LEN: usize = 12;

/// First fiscal year the program accepts for an appropriation.
pub const MIN_FISCAL_YEAR: u16 = 1990;
/// `last_fiscal_year` of a no-year appropriation (available until spent).
pub const NO_YEAR: u16 = 0;
