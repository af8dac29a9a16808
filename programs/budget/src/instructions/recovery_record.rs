use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, RecoveryRecorded};
use crate::roles::require_member;
use crate::state::{BudgetAccount, Member, Obligation, Role, Treasury};

#[event_cpi]
#[derive(Accounts)]
pub struct RecoveryRecord<'info> {
    /// The treasury: the calendar.
    #[account(address = TREASURY_AND_BUMP.0)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The budget account credited.
    #[account(
        mut,
        has_one = mint,
        has_one = vault @ BudgetError::VaultMismatch,
    )]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// The obligation credited; charged to that budget account.
    #[account(
        mut,
        has_one = budget_account @ BudgetError::ObligationOfAnotherAccount,
    )]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The budget account's vault, receiving the money.
    #[account(mut)]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The budget account's mint.
    #[account(mint::token_program = token_program)]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// The token account the money comes from.
    #[account(mut, token::mint = mint, token::authority = payer, token::token_program = token_program)]
    pub source: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Who returns the money: the obligation's payee, or a budget officer of the agency (with `member`).
    pub payer: Signer<'info>,
    /// The payer's membership in the budget account's agency, with the budget officer role; only when
    /// the payer is not the obligation's payee. Checked by the handler (`roles::require_member`).
    pub member: Option<AccountLoader<'info, Member>>,
    /// SPL Token or Token-2022 (the mint's).
    pub token_program: Interface<'info, TokenInterface>,
}

/// A payee returns `amount`: it goes back into the vault and is credited to the obligation, which may
/// then pay it again. Not on a cancelled account; only while the obligation's disbursed amount is still
/// `disbursed_before`; only by the obligation's payee or a budget officer of the agency (so a stranger
/// cannot lower what an obligation has paid and keep it from closing).
pub fn handler(ctx: Context<RecoveryRecord>, amount: u64, disbursed_before: u64) -> Result<()> {
    let fy = Treasury::fiscal_year_now(&ctx.accounts.treasury)?;
    let mut account = ctx.accounts.budget_account.load_mut()?;
    let mut obligation = ctx.accounts.obligation.load_mut()?;
    let payer = ctx.accounts.payer.key();
    if payer != obligation.payee {
        let member = ctx
            .accounts
            .member
            .as_ref()
            .ok_or(BudgetError::RecoveryByStranger)?;
        require_member(member, &account.agency, &payer, Role::BUDGET_OFFICER)?;
    }
    account.require_not_cancelled(fy)?;
    require!(
        obligation.disbursed == disbursed_before,
        BudgetError::DisbursedChanged
    );
    obligation.record_recovery(amount)?;
    account.record_recovery(amount)?;
    crate::token::transfer(
        ctx.accounts.token_program.key,
        ctx.accounts.source.to_account_info(),
        ctx.accounts.vault.to_account_info(),
        ctx.accounts.mint.to_account_info(),
        ctx.accounts.mint.decimals,
        ctx.accounts.payer.to_account_info(),
        &[],
        amount,
    )?;
    account.invariant()?;
    obligation.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &RecoveryRecorded {
            agency: account.agency,
            budget_account: ctx.accounts.budget_account.key(),
            obligation: ctx.accounts.obligation.key(),
            amount,
            obligation_disbursed: obligation.disbursed,
            account_disbursed: account.disbursed,
            payer: ctx.accounts.payer.key(),
            source: ctx.accounts.source.key(),
        },
    )?;
    Ok(())
}
