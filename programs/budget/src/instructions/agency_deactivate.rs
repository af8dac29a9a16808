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
    pub treasury: AccountLoader<'info, Treasury>,
    /// The agency.
    #[account(mut, constraint = agency.load()?.is_active() @ BudgetError::AgencyInactive)]
    pub agency: AccountLoader<'info, Agency>,
    /// The central authority.
    pub authority: Signer<'info>,
}

/// Deactivate an agency: no new members, roles, budget accounts, obligations, proposals, approvals or
/// payments; roles may still be revoked, and the central authority may reactivate it.
pub fn handler(ctx: Context<AgencyDeactivate>) -> Result<()> {
    let mut agency = ctx.accounts.agency.load_mut()?;
    agency.active = 0;
    agency.invariant()?;
    drop(agency);
    emit(
        &ctx.accounts.event_authority,
        &AgencyDeactivated {
            agency: ctx.accounts.agency.key(),
            authority: ctx.accounts.authority.key(),
        },
    )?;
    Ok(())
}
