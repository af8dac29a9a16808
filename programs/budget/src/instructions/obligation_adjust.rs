use anchor_lang::prelude::*;

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, ObligationAdjusted};
use crate::roles::require_member;
use crate::state::{Agency, BudgetAccount, Member, Obligation, Role, Treasury};

/// Accounts of `obligation_increase` and `obligation_decrease`.
#[event_cpi]
#[derive(Accounts)]
pub struct ObligationAdjust<'info> {
    /// The treasury: the fiscal-year calendar.
    #[account(address = TREASURY_AND_BUMP.0)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The agency.
    pub agency: AccountLoader<'info, Agency>,
    /// The officer's membership in this agency, with the budget officer role.
    /// Checked first by the handler (`roles::require_member`).
    pub member: AccountLoader<'info, Member>,
    /// A budget officer of the agency.
    pub officer: Signer<'info>,
    /// The budget account; the agency's own.
    #[account(
        mut,
        has_one = agency @ BudgetError::AccountOfAnotherAgency,
    )]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// The obligation; charged to that budget account.
    #[account(
        mut,
        has_one = budget_account @ BudgetError::ObligationOfAnotherAccount,
    )]
    pub obligation: AccountLoader<'info, Obligation>,
}

/// Adjust an obligation up (`increase`, within the account's unobligated authority, while the account
/// is open or expired and the agency active) or down (a deobligation, never below what was paid), if
/// the obligation's amount is still `obligated_before`.
pub fn handler(
    ctx: Context<ObligationAdjust>,
    increase: bool,
    amount: u64,
    obligated_before: u64,
) -> Result<()> {
    require_member(
        &ctx.accounts.member,
        &ctx.accounts.agency.key(),
        &ctx.accounts.officer.key(),
        Role::BUDGET_OFFICER,
    )?;
    let fy = Treasury::fiscal_year_now(&ctx.accounts.treasury)?;
    let mut account = ctx.accounts.budget_account.load_mut()?;
    let mut obligation = ctx.accounts.obligation.load_mut()?;
    account.require_not_cancelled(fy)?;
    require!(
        obligation.obligated == obligated_before,
        BudgetError::ObligatedChanged
    );
    if increase {
        require!(
            ctx.accounts.agency.load()?.is_active(),
            BudgetError::AgencyInactive
        );
        account.record_obligation(amount)?;
        obligation.increase(amount)?;
    } else {
        obligation.decrease(amount)?;
        account.release_obligation(amount)?;
    }
    account.invariant()?;
    obligation.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &ObligationAdjusted {
            agency: account.agency,
            budget_account: ctx.accounts.budget_account.key(),
            obligation: ctx.accounts.obligation.key(),
            increase,
            amount,
            obligated: obligation.obligated,
            account_obligated: account.obligated,
            officer: ctx.accounts.officer.key(),
        },
    )?;
    Ok(())
}
