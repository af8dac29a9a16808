//! PDA seeds and protocol constants.

/// Seed of a registry: `[SEED_REGISTRY, jurisdiction]`.
pub const SEED_REGISTRY: &[u8] = b"registry";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Bytes of a jurisdiction code (ASCII, zero-padded), e.g. `US-DC`.
pub const JURISDICTION_LEN: usize = 8;

/// Bytes of a registry's display name (UTF-8, zero-padded).
pub const NAME_LEN: usize = 32;
