use anchor_lang::prelude::*;

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, BudgetAccountAuthorityChanged};
use crate::state::{BudgetAccount, Treasury};

#[event_cpi]
#[derive(Accounts)]
pub struct BudgetAccountAuthorizedSet<'info> {
    /// The treasury, naming the central authority and the calendar.
    #[account(address = TREASURY_AND_BUMP.0, has_one = authority @ BudgetError::NotCentralAuthority)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The budget account.
    #[account(mut)]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// The central authority.
    pub authority: Signer<'info>,
}

/// Supplement or rescind: set the account's authority to `authorized`, never below what is obligated
/// and never on a cancelled account.
pub fn handler(ctx: Context<BudgetAccountAuthorizedSet>, authorized: u64) -> Result<()> {
    let fy = Treasury::fiscal_year_now(&ctx.accounts.treasury)?;
    let mut account = ctx.accounts.budget_account.load_mut()?;
    account.require_not_cancelled(fy)?;
    let previous_authorized = account.authorized;
    account.set_authorized(authorized)?;
    account.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &BudgetAccountAuthorityChanged {
            agency: account.agency,
            budget_account: ctx.accounts.budget_account.key(),
            previous_authorized,
            authorized,
            authority: ctx.accounts.authority.key(),
        },
    )?;
    Ok(())
}
