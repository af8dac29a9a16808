use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::{SEED_BUDGET_ACCOUNT, TREASURY_AND_BUMP};
use crate::errors::BudgetError;
use crate::events::{emit, BudgetAccountCancelled};
use crate::state::{Availability, BudgetAccount, Treasury};

#[event_cpi]
#[derive(Accounts)]
pub struct BudgetAccountCancel<'info> {
    /// The treasury, naming the central authority and the calendar.
    #[account(address = TREASURY_AND_BUMP.0, has_one = authority @ BudgetError::NotCentralAuthority)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The budget account; must be cancelled by the calendar.
    #[account(
        mut,
        has_one = mint,
        has_one = vault @ BudgetError::VaultMismatch,
    )]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// Its vault.
    #[account(mut)]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The budget account's mint.
    #[account(mint::token_program = token_program)]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// The treasury's token account that receives the remaining balance.
    #[account(mut, token::mint = mint, token::authority = authority, token::token_program = token_program)]
    pub destination: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The central authority.
    pub authority: Signer<'info>,
    /// SPL Token or Token-2022 (the mint's).
    pub token_program: Interface<'info, TokenInterface>,
}

/// Return a cancelled appropriation's whole vault balance to the treasury. Tokens sent to the vault
/// outside `budget_account_fund` are counted as funding here, so the books still balance.
pub fn handler(ctx: Context<BudgetAccountCancel>) -> Result<()> {
    let fy = Treasury::fiscal_year_now(&ctx.accounts.treasury)?;
    let mut account = *ctx.accounts.budget_account.load()?;
    require!(
        account.availability(fy) == Availability::Cancelled,
        BudgetError::AccountNotCancelled
    );
    let amount = ctx.accounts.vault.amount;
    require!(amount > 0, BudgetError::ZeroAmount);
    let unrecorded = amount.saturating_sub(account.expected_vault_balance());
    if unrecorded > 0 {
        account.record_funding(unrecorded)?;
    }
    account.record_return(amount)?;
    *ctx.accounts.budget_account.load_mut()? = account;
    let seeds: &[&[u8]] = &[
        SEED_BUDGET_ACCOUNT,
        account.agency.as_ref(),
        account.tas.as_ref(),
        &[account.bump],
    ];
    crate::token::transfer(
        ctx.accounts.token_program.key,
        ctx.accounts.vault.to_account_info(),
        ctx.accounts.destination.to_account_info(),
        ctx.accounts.mint.to_account_info(),
        ctx.accounts.mint.decimals,
        ctx.accounts.budget_account.to_account_info(),
        &[seeds],
        amount,
    )?;
    account.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &BudgetAccountCancelled {
            agency: account.agency,
            budget_account: ctx.accounts.budget_account.key(),
            amount,
            destination: ctx.accounts.destination.key(),
            authority: ctx.accounts.authority.key(),
        },
    )?;
    Ok(())
}
