use anchor_lang::prelude::*;

use crate::errors::BudgetError;
use crate::events::{emit, AgencyAdminAccepted};
use crate::state::Agency;

#[event_cpi]
#[derive(Accounts)]
pub struct AgencyAdminAccept<'info> {
    /// The agency.
    #[account(
        mut,
        constraint = agency.load()?.pending_admin == new_admin.key() @ BudgetError::NotPendingAuthority,
    )]
    pub agency: AccountLoader<'info, Agency>,
    /// The proposed admin, accepting.
    pub new_admin: Signer<'info>,
}

/// The proposed admin takes over the agency.
pub fn handler(ctx: Context<AgencyAdminAccept>) -> Result<()> {
    let mut agency = ctx.accounts.agency.load_mut()?;
    let previous = agency.admin;
    agency.admin = agency.pending_admin;
    agency.pending_admin = Pubkey::default();
    agency.invariant()?;
    let event = AgencyAdminAccepted {
        agency: ctx.accounts.agency.key(),
        previous,
        admin: agency.admin,
    };
    drop(agency);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
