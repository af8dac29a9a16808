use anchor_lang::prelude::*;

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, ObligationClosed};
use crate::roles::require_member;
use crate::state::{Agency, Availability, BudgetAccount, Member, Obligation, Role, Treasury};

#[event_cpi]
#[derive(Accounts)]
pub struct ObligationClose<'info> {
    /// The treasury: the fiscal-year calendar.
    #[account(address = TREASURY_AND_BUMP.0)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The agency.
    pub agency: AccountLoader<'info, Agency>,
    /// The officer's membership in this agency, with the budget officer role.
    /// Checked first by the handler (`roles::require_member`).
    pub member: AccountLoader<'info, Member>,
    /// A budget officer of the agency; receives the rent.
    #[account(mut)]
    pub officer: Signer<'info>,
    /// The budget account; the agency's own.
    #[account(
        mut,
        has_one = agency @ BudgetError::AccountOfAnotherAgency,
    )]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// The obligation, closed here.
    #[account(
        mut,
        has_one = budget_account @ BudgetError::ObligationOfAnotherAccount,
        close = officer,
    )]
    pub obligation: AccountLoader<'info, Obligation>,
}

/// Close an obligation that is fully paid, or any obligation of a cancelled account. Its history
/// stays in the events; the account's totals keep its amounts.
pub fn handler(ctx: Context<ObligationClose>) -> Result<()> {
    require_member(
        &ctx.accounts.member,
        &ctx.accounts.agency.key(),
        &ctx.accounts.officer.key(),
        Role::BUDGET_OFFICER,
    )?;
    let fy = Treasury::fiscal_year_now(&ctx.accounts.treasury)?;
    let mut account = ctx.accounts.budget_account.load_mut()?;
    let obligation = ctx.accounts.obligation.load()?;
    require!(
        obligation.undisbursed() == 0 || account.availability(fy) == Availability::Cancelled,
        BudgetError::ObligationNotLiquidated
    );
    account.open_obligations = account
        .open_obligations
        .checked_sub(1)
        .ok_or(BudgetError::InvariantViolated)?;
    account.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &ObligationClosed {
            agency: account.agency,
            budget_account: ctx.accounts.budget_account.key(),
            obligation: ctx.accounts.obligation.key(),
            obligated: obligation.obligated,
            disbursed: obligation.disbursed,
            officer: ctx.accounts.officer.key(),
        },
    )?;
    Ok(())
}
