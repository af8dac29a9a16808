use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};
use budget::cpi::accounts::OutlayExecute;
use budget::program::Budget;
use budget::state::{Agency, BudgetAccount, Member, Obligation, Treasury};

use crate::constants::{AUTHORITY_AND_BUMP, SEED_AUTHORITY};
use crate::errors::DisbursementError;
use crate::events::{emit, PaymentExecuted};
use crate::state::{PaymentRequest, Policy};

#[event_cpi]
#[derive(Accounts)]
pub struct PaymentExecute<'info> {
    /// The agency's policy: the executor rule, the spending limit, a stricter current tier.
    #[account(mut, has_one = agency @ DisbursementError::NoPolicy)]
    pub policy: Box<Account<'info, Policy>>,
    /// The agency (budget program).
    pub agency: Box<Account<'info, Agency>>,
    /// The executor's membership with the disbursing officer role; may be omitted when the policy lets
    /// anyone execute.
    pub executor_member: Option<Box<Account<'info, Member>>>,
    /// Who executes.
    pub executor: Signer<'info>,
    /// The request, closed here once paid; its rent returns to the requester.
    #[account(
        mut,
        has_one = agency @ DisbursementError::RequestMismatch,
        has_one = requester @ DisbursementError::RequestMismatch,
        has_one = budget_account @ DisbursementError::RequestMismatch,
        has_one = obligation @ DisbursementError::RequestMismatch,
        has_one = payee_token_account @ DisbursementError::RequestMismatch,
        close = requester,
    )]
    pub request: Box<Account<'info, PaymentRequest>>,
    /// CHECK: the request's requester (checked by `has_one`), receiving the rent.
    #[account(mut)]
    pub requester: UncheckedAccount<'info>,
    /// CHECK: this program's authority PDA (checked by address); signs the outlay request.
    #[account(address = AUTHORITY_AND_BUMP.0)]
    pub authority: UncheckedAccount<'info>,
    /// The budget program's treasury (checked there).
    pub treasury: Box<Account<'info, Treasury>>,
    /// The budget account paying (checked against the request here, and there).
    #[account(mut)]
    pub budget_account: Box<Account<'info, BudgetAccount>>,
    /// The obligation paid against.
    #[account(mut)]
    pub obligation: Box<Account<'info, Obligation>>,
    /// The budget account's vault (checked by the budget program).
    #[account(mut)]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The budget account's mint (checked by the budget program).
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// The payee's token account.
    #[account(mut)]
    pub payee_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
    /// SPL Token or Token-2022.
    pub token_program: Interface<'info, TokenInterface>,
    /// CHECK: the budget program's event authority (checked by the budget program).
    pub budget_event_authority: UncheckedAccount<'info>,
    /// The budget program.
    pub budget_program: Program<'info, Budget>,
}

/// Pay an approved, unlocked request within the period's limit, through the budget program; the
/// request closes, so it pays at most once.
pub fn handler(ctx: Context<PaymentExecute>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let event = {
        let accounts = &mut *ctx.accounts;
        accounts.policy.require_executor(
            accounts.executor_member.as_deref().map(|m| &**m),
            &accounts.agency.key(),
            &accounts.executor.key(),
        )?;
        let request = &accounts.request;
        let required = request
            .requirement()
            .stricter(accounts.policy.requirement(request.amount));
        request.approvals.require_met(required, now)?;
        let amount = request.amount;
        accounts.policy.record_spending(amount, now)?;
        accounts.policy.invariant()?;

        let seeds: &[&[u8]] = &[SEED_AUTHORITY, &[AUTHORITY_AND_BUMP.1]];
        budget::cpi::outlay_execute(
            CpiContext::new_with_signer(
                accounts.budget_program.key(),
                OutlayExecute {
                    treasury: accounts.treasury.to_account_info(),
                    disbursement_authority: accounts.authority.to_account_info(),
                    budget_account: accounts.budget_account.to_account_info(),
                    obligation: accounts.obligation.to_account_info(),
                    vault: accounts.vault.to_account_info(),
                    mint: accounts.mint.to_account_info(),
                    payee_token_account: accounts.payee_token_account.to_account_info(),
                    token_program: accounts.token_program.to_account_info(),
                    event_authority: accounts.budget_event_authority.to_account_info(),
                    program: accounts.budget_program.to_account_info(),
                },
                &[seeds],
            ),
            budget::OutlayExecuteArgs {
                amount,
                reference: accounts.request.key(),
            },
        )?;
        let request = &accounts.request;
        PaymentExecuted {
            request: request.key(),
            agency: request.agency,
            sequence: request.sequence,
            budget_account: request.budget_account,
            obligation: request.obligation,
            payee_token_account: request.payee_token_account,
            amount,
            approval_count: request.approvals.count,
            executor: accounts.executor.key(),
            period_spent: accounts.policy.period_spent,
        }
    };
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
