use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::{SEED_BUDGET_ACCOUNT, TREASURY_AND_BUMP};
use crate::errors::BudgetError;
use crate::events::{emit, OutlayMade};
use crate::state::{BudgetAccount, Obligation, Treasury};

/// Arguments of `outlay_execute`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct OutlayExecuteArgs {
    /// Amount to pay.
    pub amount: u64,
    /// The caller's reference, recorded in the event (the disbursement program's payment request).
    pub reference: Pubkey,
}

#[event_cpi]
#[derive(Accounts)]
pub struct OutlayExecute<'info> {
    /// The treasury: the pause switch, the disbursement authority and the calendar.
    #[account(
        address = TREASURY_AND_BUMP.0,
        constraint = !treasury.load()?.is_paused() @ BudgetError::TreasuryPaused,
        constraint = treasury.load()?.disbursement_authority == disbursement_authority.key() @ BudgetError::NotDisbursementAuthority,
    )]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The disbursement program's authority PDA, signing through its CPI.
    pub disbursement_authority: Signer<'info>,
    /// The budget account paying.
    #[account(
        mut,
        has_one = mint,
        has_one = vault @ BudgetError::VaultMismatch,
    )]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// The obligation paid against; charged to that budget account.
    #[account(
        mut,
        has_one = budget_account @ BudgetError::ObligationOfAnotherAccount,
    )]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The budget account's vault.
    #[account(mut)]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The budget account's mint.
    #[account(mint::token_program = token_program)]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// The payee's token account: of the mint, owned by the obligation's payee.
    #[account(
        mut,
        token::mint = mint,
        token::token_program = token_program,
        constraint = payee_token_account.owner == obligation.load()?.payee @ BudgetError::PayeeMismatch,
    )]
    pub payee_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
    /// SPL Token or Token-2022 (the mint's).
    pub token_program: Interface<'info, TokenInterface>,
}

/// Pay `amount` from the vault to the obligation's payee; only the disbursement program's authority
/// may ask, never while paused or after cancellation, never past the obligation or the vault.
pub fn handler(ctx: Context<OutlayExecute>, args: OutlayExecuteArgs) -> Result<()> {
    let fy = ctx
        .accounts
        .treasury
        .load()?
        .current_fiscal_year(&Clock::get()?);
    let mut account = ctx.accounts.budget_account.load_mut()?;
    let mut obligation = ctx.accounts.obligation.load_mut()?;
    account.require_not_cancelled(fy)?;
    obligation.record_outlay(args.amount)?;
    account.record_outlay(args.amount)?;
    require!(
        ctx.accounts.vault.amount >= args.amount,
        BudgetError::InsufficientVaultFunds
    );
    account.invariant()?;
    obligation.invariant()?;
    let event = OutlayMade {
        agency: account.agency,
        budget_account: ctx.accounts.budget_account.key(),
        obligation: ctx.accounts.obligation.key(),
        payee: obligation.payee,
        payee_token_account: ctx.accounts.payee_token_account.key(),
        amount: args.amount,
        obligation_disbursed: obligation.disbursed,
        account_disbursed: account.disbursed,
        reference: args.reference,
    };
    let (tas, bump) = (account.tas, account.bump);
    // The budget account signs the transfer: its data must not be borrowed during the CPI.
    drop(account);
    drop(obligation);
    let seeds: &[&[u8]] = &[
        SEED_BUDGET_ACCOUNT,
        event.agency.as_ref(),
        tas.as_ref(),
        &[bump],
    ];
    crate::token::transfer(
        &ctx.accounts.token_program,
        &ctx.accounts.vault,
        &ctx.accounts.payee_token_account,
        &ctx.accounts.mint,
        ctx.accounts.budget_account.to_account_info(),
        &[seeds],
        args.amount,
    )?;
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
