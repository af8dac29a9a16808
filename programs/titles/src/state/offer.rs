use anchor_lang::prelude::*;

/// A holder's offer to transfer a title to another agency, waiting for its acceptance.
#[account]
#[derive(InitSpace)]
pub struct TransferOffer {
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the offer PDA.
    pub bump: u8,
    /// The property.
    pub property: Pubkey,
    /// The holding agency offering it.
    pub from_agency: Pubkey,
    /// The agency that may accept.
    pub to_agency: Pubkey,
    /// The property officer who offered it (receives the rent back).
    pub offered_by: Pubkey,
    /// When it was offered (Unix time).
    pub offered_at: i64,
}
