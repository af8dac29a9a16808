use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, CloseAccount, TokenAccount, TokenInterface};

use crate::constants::{SEED_BUDGET_ACCOUNT, TREASURY_AND_BUMP};
use crate::errors::BudgetError;
use crate::events::{emit, BudgetAccountClosed};
use crate::state::{Availability, BudgetAccount, Treasury};

#[event_cpi]
#[derive(Accounts)]
pub struct BudgetAccountClose<'info> {
    /// The treasury, naming the central authority and the calendar.
    #[account(address = TREASURY_AND_BUMP.0, has_one = authority @ BudgetError::NotCentralAuthority)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The budget account, closed here; rent to the central authority.
    #[account(
        mut,
        close = authority,
        has_one = vault @ BudgetError::VaultMismatch,
    )]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// Its vault, closed here; must be empty.
    #[account(
        mut,
        token::token_program = token_program,
    )]
    pub vault: InterfaceAccount<'info, TokenAccount>,
    /// The central authority; receives the rent.
    #[account(mut)]
    pub authority: Signer<'info>,
    /// SPL Token or Token-2022 (the vault's).
    pub token_program: Interface<'info, TokenInterface>,
}

/// Close a cancelled appropriation whose vault is empty and whose obligations are all closed.
pub fn handler(ctx: Context<BudgetAccountClose>) -> Result<()> {
    let fy = Treasury::fiscal_year_now(&ctx.accounts.treasury)?;
    let account = *ctx.accounts.budget_account.load()?;
    require!(
        account.availability(fy) == Availability::Cancelled,
        BudgetError::AccountNotCancelled
    );
    require!(
        account.open_obligations == 0,
        BudgetError::ObligationsOutstanding
    );
    require!(ctx.accounts.vault.amount == 0, BudgetError::VaultNotEmpty);
    account.invariant()?;
    let seeds: &[&[u8]] = &[
        SEED_BUDGET_ACCOUNT,
        account.agency.as_ref(),
        account.tas.as_ref(),
        &[account.bump],
    ];
    token_interface::close_account(CpiContext::new_with_signer(
        ctx.accounts.token_program.key(),
        CloseAccount {
            account: ctx.accounts.vault.to_account_info(),
            destination: ctx.accounts.authority.to_account_info(),
            authority: ctx.accounts.budget_account.to_account_info(),
        },
        &[seeds],
    ))?;
    emit(
        &ctx.accounts.event_authority,
        &BudgetAccountClosed {
            agency: account.agency,
            budget_account: ctx.accounts.budget_account.key(),
            authorized: account.authorized,
            obligated: account.obligated,
            disbursed: account.disbursed,
            funded: account.funded,
            returned: account.returned,
            rent_to: ctx.accounts.authority.key(),
        },
    )?;
    Ok(())
}
