//! PDA seeds and protocol constants.

/// Seed of the config singleton: `[SEED_CONFIG]`.
pub const SEED_CONFIG: &[u8] = b"config";

/// Seed of the authority PDA that signs outlay requests to the budget program: `[SEED_AUTHORITY]`.
pub const SEED_AUTHORITY: &[u8] = b"authority";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;
