use anchor_lang::prelude::*;

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, AgencyDeactivated};
use crate::state::{Agency, Treasury};

#[event_cpi]
#[derive(Accounts)]
pub struct AgencyDeactivate<'info> {
    /// The treasury, naming the central authority.
    #[account(address = TREASURY_AND_BUMP.0, has_one = authority @ BudgetError::NotCentralAuthority)]
    pub treasury: Account<'info, Treasury>,
    /// The agency.
    #[account(mut, constraint = agency.active @ BudgetError::AgencyInactive)]
    pub agency: Account<'info, Agency>,
    /// The central authority.
    pub authority: Signer<'info>,
}

/// Deactivate an agency: no new members, budget accounts or obligations; existing obligations may
/// still be paid.
pub fn handler(ctx: Context<AgencyDeactivate>) -> Result<()> {
    let agency = &mut ctx.accounts.agency;
    agency.active = false;
    agency.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &AgencyDeactivated {
            agency: agency.key(),
            authority: ctx.accounts.authority.key(),
        },
    )?;
    Ok(())
}
