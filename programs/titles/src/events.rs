//! Events emitted through `emit_cpi!`: each carries enough to rebuild every title's chain off chain.

use anchor_lang::prelude::*;

use crate::constants::{JURISDICTION_LEN, NAME_LEN};

/// A registry was opened for a jurisdiction.
#[event]
pub struct RegistryInitialized {
    /// The registry account.
    pub registry: Pubkey,
    /// Jurisdiction code, ASCII zero-padded.
    pub jurisdiction: [u8; JURISDICTION_LEN],
    /// Display name, UTF-8 zero-padded.
    pub name: [u8; NAME_LEN],
    /// The registrar authority.
    pub registrar: Pubkey,
    /// The treasury authority that opened it.
    pub opened_by: Pubkey,
}
