use anchor_lang::prelude::*;

use crate::errors::BudgetError;
use crate::events::{emit, AgencyAdminProposed};
use crate::state::Agency;

#[event_cpi]
#[derive(Accounts)]
pub struct AgencyAdminPropose<'info> {
    /// The agency.
    #[account(mut, has_one = admin @ BudgetError::NotAgencyAdmin)]
    pub agency: AccountLoader<'info, Agency>,
    /// The agency's current admin.
    pub admin: Signer<'info>,
}

/// Propose `proposed` as the agency's next admin; it takes over when it accepts.
pub fn handler(ctx: Context<AgencyAdminPropose>, proposed: Pubkey) -> Result<()> {
    require_keys_neq!(proposed, Pubkey::default(), BudgetError::InvalidAddress);
    let mut agency = ctx.accounts.agency.load_mut()?;
    agency.pending_admin = proposed;
    agency.invariant()?;
    let event = AgencyAdminProposed {
        agency: ctx.accounts.agency.key(),
        admin: agency.admin,
        proposed,
    };
    drop(agency);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
