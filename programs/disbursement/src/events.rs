//! Events emitted through `emit_cpi!`: each carries enough to rebuild every request's history.

use anchor_lang::prelude::*;

/// The program's config was created.
#[event]
pub struct ConfigInitialized {
    /// The config account.
    pub config: Pubkey,
    /// The program's admin.
    pub admin: Pubkey,
    /// The authority PDA that signs outlay requests.
    pub authority: Pubkey,
}
