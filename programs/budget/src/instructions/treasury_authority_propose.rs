use anchor_lang::prelude::*;

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, TreasuryAuthorityProposed};
use crate::state::Treasury;

#[event_cpi]
#[derive(Accounts)]
pub struct TreasuryAuthorityPropose<'info> {
    /// The treasury.
    #[account(address = TREASURY_AND_BUMP.0, mut, has_one = authority @ BudgetError::NotCentralAuthority)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The current central authority.
    pub authority: Signer<'info>,
}

/// Propose `proposed` as the next central authority; it takes over when it accepts.
pub fn handler(ctx: Context<TreasuryAuthorityPropose>, proposed: Pubkey) -> Result<()> {
    require_keys_neq!(proposed, Pubkey::default(), BudgetError::InvalidAddress);
    let mut treasury = ctx.accounts.treasury.load_mut()?;
    treasury.pending_authority = proposed;
    treasury.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &TreasuryAuthorityProposed {
            authority: treasury.authority,
            proposed,
        },
    )?;
    Ok(())
}
