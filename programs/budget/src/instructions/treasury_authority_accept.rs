use anchor_lang::prelude::*;

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, TreasuryAuthorityAccepted};
use crate::state::Treasury;

#[event_cpi]
#[derive(Accounts)]
pub struct TreasuryAuthorityAccept<'info> {
    /// The treasury.
    #[account(
        address = TREASURY_AND_BUMP.0,
        mut,
        constraint = treasury.load()?.pending_authority == new_authority.key() @ BudgetError::NotPendingAuthority,
    )]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The proposed authority, accepting.
    pub new_authority: Signer<'info>,
}

/// The proposed central authority takes over.
pub fn handler(ctx: Context<TreasuryAuthorityAccept>) -> Result<()> {
    let mut treasury = ctx.accounts.treasury.load_mut()?;
    let previous = treasury.authority;
    treasury.authority = treasury.pending_authority;
    treasury.pending_authority = Pubkey::default();
    treasury.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &TreasuryAuthorityAccepted {
            previous,
            authority: treasury.authority,
        },
    )?;
    Ok(())
}
