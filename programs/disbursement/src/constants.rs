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

/// Seed of an agency's approval policy: `[SEED_POLICY, agency]`.
pub const SEED_POLICY: &[u8] = b"policy";

/// Seed of a batch request: `[SEED_BATCH, agency, sequence (u64 little-endian)]`.
pub const SEED_BATCH: &[u8] = b"batch";

/// Most payees in a batch.
pub const MAX_BATCH_ITEMS: usize = 10;

/// Most batch items one `payment_batch_execute` pays: each is a CPI into the budget program, and the
/// program's 32 KiB bump heap, never freed within a transaction, holds about this many with their events.
pub const MAX_ITEMS_PER_EXECUTE: usize = 4;

/// Seed of a payment request: `[SEED_REQUEST, agency, sequence (u64 little-endian)]`.
pub const SEED_REQUEST: &[u8] = b"request";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Decimals of a policy's amounts (tier ceilings, the period limit): millionths of the currency
/// unit, whatever the decimals of the mint a payment is made in. A payment's amount is put into
/// these units (rounded up) before its tier and the limit are applied.
pub const POLICY_DECIMALS: u8 = 6;

/// Slices of a spending period: the rolling limit counts what was paid in the current slice and the
/// `WINDOW_SLICES` before it, so every span of one period holds at most the limit.
pub const WINDOW_SLICES: usize = 4;

/// Tiers an approval policy may have.
pub const MAX_TIERS: usize = 3;

/// Most approvals a tier may require (and a request may hold).
pub const MAX_APPROVALS: usize = 3;

/// Shortest lifetime a policy may give a payment request: one day.
pub const MIN_REQUEST_AGE_SECONDS: u32 = 86_400;

/// Longest lifetime a policy may give a payment request: a year and a day.
pub const MAX_REQUEST_AGE_SECONDS: u32 = 366 * 86_400;

/// Longest time lock a tier may set: 30 days.
pub const MAX_TIME_LOCK_SECONDS: u32 = 30 * 86_400;

/// Bytes of a payment's short reference (ASCII, zero-padded), e.g. an invoice number.
pub const REFERENCE_LEN: usize = 16;
