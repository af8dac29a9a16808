//! PDA seeds and protocol constants.

/// Seed of the treasury singleton: `[SEED_TREASURY]`.
pub const SEED_TREASURY: &[u8] = b"treasury";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Most years an appropriation may stay expired before it is cancelled.
pub const MAX_CANCELLATION_YEARS: u8 = 30;
