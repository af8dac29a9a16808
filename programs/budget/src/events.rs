//! Events emitted through `emit_cpi!`: each carries enough to rebuild the ledger off chain.

use anchor_lang::prelude::*;

/// The treasury singleton was created.
#[event]
pub struct TreasuryInitialized {
    /// The treasury account.
    pub treasury: Pubkey,
    /// The central authority.
    pub authority: Pubkey,
    /// The disbursement program's authority PDA, the only signer of outlays.
    pub disbursement_authority: Pubkey,
    /// Month (1-12) in which the fiscal year starts.
    pub fiscal_year_start_month: u8,
    /// Years after expiry at which appropriations are cancelled.
    pub cancellation_years: u8,
}
