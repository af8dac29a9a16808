use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::errors::BudgetError;
use crate::events::{emit, BudgetAccountFunded};
use crate::state::BudgetAccount;

#[event_cpi]
#[derive(Accounts)]
pub struct BudgetAccountFund<'info> {
    /// The budget account.
    #[account(
        mut,
        has_one = mint,
        has_one = vault @ BudgetError::VaultMismatch,
    )]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// Its vault.
    #[account(mut)]
    pub vault: InterfaceAccount<'info, TokenAccount>,
    /// The budget account's mint.
    #[account(mint::token_program = token_program)]
    pub mint: InterfaceAccount<'info, Mint>,
    /// The depositor's token account.
    #[account(mut, token::mint = mint, token::authority = depositor, token::token_program = token_program)]
    pub source: InterfaceAccount<'info, TokenAccount>,
    /// Who deposits (the treasury's warrant, or any funding source).
    pub depositor: Signer<'info>,
    /// SPL Token or Token-2022 (the mint's).
    pub token_program: Interface<'info, TokenInterface>,
}

/// Deposit `amount` into the budget account's vault, if its funded total is still `funded_before`.
pub fn handler(ctx: Context<BudgetAccountFund>, amount: u64, funded_before: u64) -> Result<()> {
    let mut account = ctx.accounts.budget_account.load_mut()?;
    require!(account.funded == funded_before, BudgetError::FundedChanged);
    account.record_funding(amount)?;
    crate::token::transfer(
        ctx.accounts.token_program.key,
        ctx.accounts.source.to_account_info(),
        ctx.accounts.vault.to_account_info(),
        ctx.accounts.mint.to_account_info(),
        ctx.accounts.mint.decimals,
        ctx.accounts.depositor.to_account_info(),
        &[],
        amount,
    )?;
    account.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &BudgetAccountFunded {
            agency: account.agency,
            budget_account: ctx.accounts.budget_account.key(),
            amount,
            funded: account.funded,
            depositor: ctx.accounts.depositor.key(),
            source: ctx.accounts.source.key(),
        },
    )?;
    Ok(())
}
