use anchor_lang::prelude::*;

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, TreasuryPauseChanged};
use crate::state::Treasury;

#[event_cpi]
#[derive(Accounts)]
pub struct TreasuryPauseSet<'info> {
    /// The treasury.
    #[account(address = TREASURY_AND_BUMP.0, mut, has_one = authority @ BudgetError::NotCentralAuthority)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The central authority.
    pub authority: Signer<'info>,
}

/// Stop (`paused = true`) or resume every outlay.
pub fn handler(ctx: Context<TreasuryPauseSet>, paused: bool) -> Result<()> {
    let mut treasury = ctx.accounts.treasury.load_mut()?;
    treasury.paused = u8::from(paused);
    treasury.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &TreasuryPauseChanged {
            authority: treasury.authority,
            paused,
        },
    )?;
    Ok(())
}
