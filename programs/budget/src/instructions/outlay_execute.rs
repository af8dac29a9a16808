use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::constants::{SEED_BUDGET_ACCOUNT, TREASURY_AND_BUMP};
use crate::errors::BudgetError;
use crate::events::{emit, OutlayMade};
use crate::state::{BudgetAccount, Obligation, Treasury};
use crate::token;

/// Arguments of `outlay_execute`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct OutlayExecuteArgs {
    /// Amount to pay.
    pub amount: u64,
    /// The caller's reference, recorded in the event (the disbursement program's payment request).
    pub reference: Pubkey,
    /// The budget account's generation the payment was proposed against.
    pub budget_account_generation: u32,
    /// The obligation's generation the payment was proposed against.
    pub obligation_generation: u32,
    /// The payer's spending period in seconds: the obligation's payment window (0 for none).
    pub window_seconds: u32,
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
    /// CHECK: by key (the budget account's `has_one = vault`); its balance read in place by the
    /// handler (`token::token_account`).
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// The budget account's mint, of `token_program`.
    /// CHECK: by key (the budget account's `has_one = mint`) and owner; its decimals read in place.
    #[account(owner = token_program.key() @ ErrorCode::ConstraintMintTokenProgram)]
    pub mint: UncheckedAccount<'info>,
    /// The payee's token account: of `token_program`, the mint, owned by the obligation's payee.
    /// CHECK: by owner here and by the handler (`token::require_token_account_of`).
    #[account(mut, owner = token_program.key() @ ErrorCode::ConstraintTokenTokenProgram)]
    pub payee_token_account: UncheckedAccount<'info>,
    /// SPL Token or Token-2022 (the mint's).
    pub token_program: Interface<'info, TokenInterface>,
}

/// Pay `amount` from the vault to the obligation's payee; only the disbursement program's authority
/// may ask, never while paused or after cancellation, never past the obligation or the vault.
pub fn handler(ctx: Context<OutlayExecute>, args: OutlayExecuteArgs) -> Result<()> {
    let clock = Clock::get()?;
    let fy = ctx.accounts.treasury.load()?.current_fiscal_year(&clock);
    let mut account = ctx.accounts.budget_account.load_mut()?;
    let mut obligation = ctx.accounts.obligation.load_mut()?;
    account.require_not_cancelled(fy)?;
    require!(
        account.generation == args.budget_account_generation
            && obligation.generation == args.obligation_generation,
        BudgetError::GenerationChanged
    );
    obligation.record_outlay(args.amount)?;
    obligation.record_window_payment(args.amount, clock.unix_timestamp, args.window_seconds)?;
    account.record_outlay(args.amount)?;
    token::require_token_account_of(
        &ctx.accounts.payee_token_account,
        ctx.accounts.mint.key,
        &obligation.payee,
        BudgetError::PayeeMismatch,
    )?;
    require!(
        token::token_balance(&ctx.accounts.vault)? >= args.amount,
        BudgetError::InsufficientVaultFunds
    );
    let decimals = token::mint_decimals(&ctx.accounts.mint)?;
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
    token::transfer(
        ctx.accounts.token_program.key,
        ctx.accounts.vault.to_account_info(),
        ctx.accounts.payee_token_account.to_account_info(),
        ctx.accounts.mint.to_account_info(),
        decimals,
        ctx.accounts.budget_account.to_account_info(),
        &[seeds],
        args.amount,
    )?;
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
