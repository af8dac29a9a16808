use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use budget::cpi::accounts::OutlayExecute;
use budget::program::Budget;
use budget::state::{Agency, Member};

use crate::constants::{AUTHORITY_AND_BUMP, SEED_AUTHORITY};
use crate::errors::DisbursementError;
use crate::events::{emit, PaymentExecuted};
use crate::roles::obligation_paid_recently;
use crate::state::{PaymentRequest, Policy};

#[event_cpi]
#[derive(Accounts)]
pub struct PaymentExecute<'info> {
    /// The agency's policy: the executor rule, the spending limit, a stricter current tier.
    #[account(mut, has_one = agency @ DisbursementError::NoPolicy)]
    pub policy: AccountLoader<'info, Policy>,
    /// The agency (budget program); active.
    /// CHECK: `Agency::is_active_account` (owner, type, flag); the accounts that name it against its key.
    #[account(constraint = Agency::is_active_account(&agency)? @ DisbursementError::AgencyInactive)]
    pub agency: UncheckedAccount<'info>,
    /// The executor's membership with the disbursing officer role; may be omitted when the policy lets
    /// anyone execute.
    pub executor_member: Option<AccountLoader<'info, Member>>,
    /// Who executes.
    pub executor: Signer<'info>,
    /// The request, closed here once paid; its rent returns to the requester. The handler checks
    /// that it names the agency, requester, budget account, obligation and payee account passed.
    #[account(mut, close = requester)]
    pub request: AccountLoader<'info, PaymentRequest>,
    /// The request's requester, receiving the rent.
    /// CHECK: the request's (checked first by the handler).
    #[account(mut)]
    pub requester: UncheckedAccount<'info>,
    /// This program's authority PDA; signs the outlay request.
    /// CHECK: checked by address.
    #[account(address = AUTHORITY_AND_BUMP.0)]
    pub authority: UncheckedAccount<'info>,
    /// The budget program's treasury.
    /// CHECK: address, pause switch and disbursement authority checked by the budget program.
    pub treasury: UncheckedAccount<'info>,
    /// The budget account paying.
    /// CHECK: the request's (checked by the handler); the budget program checks its data.
    #[account(mut)]
    pub budget_account: UncheckedAccount<'info>,
    /// The obligation paid against.
    /// CHECK: the request's (checked by the handler); the budget program checks its data.
    #[account(mut)]
    pub obligation: UncheckedAccount<'info>,
    /// The budget account's vault.
    /// CHECK: checked by the budget program.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// The budget account's mint.
    /// CHECK: checked by the budget program.
    pub mint: UncheckedAccount<'info>,
    /// The payee's token account.
    /// CHECK: the request's (checked by the handler); the budget program checks its data.
    #[account(mut)]
    pub payee_token_account: UncheckedAccount<'info>,
    /// SPL Token or Token-2022.
    pub token_program: Interface<'info, TokenInterface>,
    /// The budget program's event authority.
    /// CHECK: checked by the budget program.
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
        let request = *accounts.request.load()?;
        require!(
            request.agency == accounts.agency.key()
                && request.requester == accounts.requester.key()
                && request.budget_account == accounts.budget_account.key()
                && request.obligation == accounts.obligation.key()
                && request.payee_token_account == accounts.payee_token_account.key(),
            DisbursementError::RequestMismatch
        );
        let mut policy = accounts.policy.load_mut()?;
        let executor_member = accounts
            .executor_member
            .as_ref()
            .map(|m| m.load())
            .transpose()?;
        policy.require_executor(
            executor_member.as_deref(),
            &accounts.agency.key(),
            &accounts.executor.key(),
        )?;
        policy.require_unexpired(request.proposed_at, request.expires_at, now)?;
        // The tier of this payment with what the obligation paid in this period and the last: an
        // award paid in parts needs what it would need paid at once.
        let recent = obligation_paid_recently(&accounts.obligation, now, policy.period_seconds)?;
        let required = request.requirement().stricter(policy.split_requirement(
            request.policy_amount,
            recent,
            request.decimals,
        )?);
        if let Err(e) = request.approvals().require_met(required, now) {
            if recent > 0 {
                msg!(
                    "the obligation paid {} (base units) in this period and the last",
                    recent
                );
            }
            return Err(e);
        }
        let amount = request.amount;
        policy.record_spending(request.policy_amount, now)?;
        policy.invariant()?;

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
                budget_account_generation: request.budget_account_generation,
                obligation_generation: request.obligation_generation,
                window_seconds: policy.period_seconds,
            },
        )?;
        PaymentExecuted {
            request: accounts.request.key(),
            agency: request.agency,
            sequence: request.sequence,
            budget_account: request.budget_account,
            obligation: request.obligation,
            payee_token_account: request.payee_token_account,
            amount,
            approval_count: request.approval_count,
            executor: accounts.executor.key(),
            period_spent: policy.period_spent,
        }
    };
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
