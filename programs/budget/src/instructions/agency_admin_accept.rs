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
        constraint = agency.pending_admin == new_admin.key() @ BudgetError::NotPendingAuthority,
    )]
    pub agency: Account<'info, Agency>,
    /// The proposed admin, accepting.
    pub new_admin: Signer<'info>,
}

/// The proposed admin takes over the agency.
pub fn handler(ctx: Context<AgencyAdminAccept>) -> Result<()> {
    let agency = &mut ctx.accounts.agency;
    let previous = agency.admin;
    agency.admin = agency.pending_admin;
    agency.pending_admin = Pubkey::default();
    agency.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &AgencyAdminAccepted {
            agency: agency.key(),
            previous,
            admin: agency.admin,
        },
    )?;
    Ok(())
}
