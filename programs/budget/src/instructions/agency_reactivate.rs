use anchor_lang::prelude::*;

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, AgencyReactivated};
use crate::state::{Agency, Treasury};

#[event_cpi]
#[derive(Accounts)]
pub struct AgencyReactivate<'info> {
    /// The treasury, naming the central authority.
    #[account(address = TREASURY_AND_BUMP.0, has_one = authority @ BudgetError::NotCentralAuthority)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The agency; deactivated.
    #[account(mut, constraint = !agency.load()?.is_active() @ BudgetError::AgencyActive)]
    pub agency: AccountLoader<'info, Agency>,
    /// The central authority.
    pub authority: Signer<'info>,
}

/// Reactivate a deactivated agency: its members' remaining roles act again.
pub fn handler(ctx: Context<AgencyReactivate>) -> Result<()> {
    let mut agency = ctx.accounts.agency.load_mut()?;
    agency.active = 1;
    agency.invariant()?;
    drop(agency);
    emit(
        &ctx.accounts.event_authority,
        &AgencyReactivated {
            agency: ctx.accounts.agency.key(),
            authority: ctx.accounts.authority.key(),
        },
    )?;
    Ok(())
}
