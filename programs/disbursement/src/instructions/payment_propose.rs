use anchor_lang::prelude::*;
use budget::state::{Agency, BudgetAccount, Member, Obligation, Role};
use budget::text::is_code;
use budget::{pda_account, token};

use crate::constants::{ACCOUNT_VERSION, MAX_APPROVALS, REFERENCE_LEN, SEED_REQUEST};
use crate::errors::DisbursementError;
use crate::events::{emit, PaymentProposed};
use crate::roles::require_member;
use crate::state::{policy_units, PaymentRequest, Policy};

/// Arguments of `payment_propose`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct PaymentProposeArgs {
    /// The agency's next payment sequence (`policy.next_sequence`); a retried proposal fails on it.
    pub sequence: u64,
    /// Amount to pay.
    pub amount: u64,
    /// Hash of the invoice or supporting document.
    pub document_hash: [u8; 32],
    /// Short reference, printable ASCII zero-padded (e.g. an invoice number).
    pub reference: [u8; REFERENCE_LEN],
}

impl PaymentProposeArgs {
    pub fn validate(&self) -> Result<()> {
        require!(self.amount > 0, DisbursementError::ZeroAmount);
        require!(
            is_code(&self.reference),
            DisbursementError::InvalidReference
        );
        Ok(())
    }
}

#[event_cpi]
#[derive(Accounts)]
pub struct PaymentPropose<'info> {
    /// The agency's policy: tiers and the payment sequence.
    #[account(mut, has_one = agency @ DisbursementError::NoPolicy)]
    pub policy: AccountLoader<'info, Policy>,
    /// The agency (budget program); active.
    /// CHECK: `Agency::is_active_account` (owner, type, flag); the accounts that name it against its key.
    #[account(constraint = Agency::is_active_account(&agency)? @ DisbursementError::AgencyInactive)]
    pub agency: UncheckedAccount<'info>,
    /// The requester's membership, with the requester role.
    /// Checked first by the handler (`roles::require_member`).
    pub member: AccountLoader<'info, Member>,
    /// The requester.
    pub requester: Signer<'info>,
    /// The budget account to pay from; the agency's own.
    #[account(has_one = agency @ DisbursementError::AccountOfAnotherAgency)]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// The obligation to pay against; charged to that budget account.
    #[account(has_one = budget_account @ DisbursementError::ObligationOfAnotherAccount)]
    pub obligation: AccountLoader<'info, Obligation>,
    /// The payee's token account, in the budget account's mint.
    /// CHECK: by the handler (`budget::token::require_token_account_of`): a token account of the
    /// budget account's mint owned by the obligation's payee.
    pub payee_token_account: UncheckedAccount<'info>,
    /// The request, created here at the sequence's canonical PDA `[SEED_REQUEST, agency, sequence]`.
    /// CHECK: created by the handler through `budget::pda_account::create`, which checks the address.
    #[account(mut)]
    pub request: UncheckedAccount<'info>,
    /// Pays the request's rent (returned to the requester when it closes).
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// Propose paying `amount` against an obligation; the tier of the amount (in policy units) fixes its
/// approvals and lock.
pub fn handler(ctx: Context<PaymentPropose>, args: PaymentProposeArgs) -> Result<()> {
    require_member(
        &ctx.accounts.member,
        &ctx.accounts.agency.key(),
        &ctx.accounts.requester.key(),
        Role::REQUESTER,
    )?;
    let obligation = ctx.accounts.obligation.load()?;
    let budget_account = ctx.accounts.budget_account.load()?;
    token::require_token_account_of(
        &ctx.accounts.payee_token_account,
        &budget_account.mint,
        &obligation.payee,
        DisbursementError::PayeeMismatch,
    )?;
    require!(
        args.amount <= obligation.undisbursed(),
        DisbursementError::ExceedsObligation
    );
    let generations = (budget_account.generation, obligation.generation);
    let decimals = budget_account.decimals;
    let policy_amount = policy_units(args.amount, decimals)?;
    drop((obligation, budget_account));
    let mut policy = ctx.accounts.policy.load_mut()?;
    policy.take_sequence(args.sequence)?;
    let requirement = policy.requirement(policy_amount);
    let now = Clock::get()?.unix_timestamp;
    let expires_at = policy.expiry(now, i64::MAX);
    policy.invariant()?;
    let request_key = ctx.accounts.request.key();
    let bump = pda_account::create(
        &crate::ID,
        &ctx.accounts.payer,
        &ctx.accounts.request,
        &[
            SEED_REQUEST,
            policy.agency.as_ref(),
            &args.sequence.to_le_bytes(),
        ],
        PaymentRequest::SPACE,
    )?;
    let request = PaymentRequest {
        version: ACCOUNT_VERSION,
        bump,
        agency: policy.agency,
        sequence: args.sequence,
        budget_account: ctx.accounts.budget_account.key(),
        obligation: ctx.accounts.obligation.key(),
        payee_token_account: ctx.accounts.payee_token_account.key(),
        amount: args.amount,
        policy_amount,
        requester: ctx.accounts.requester.key(),
        document_hash: args.document_hash,
        reference: args.reference,
        required_approvals: requirement.approvals,
        time_lock_seconds: requirement.time_lock_seconds,
        approvers: [Pubkey::default(); MAX_APPROVALS],
        approval_count: 0,
        approved_at: [0; MAX_APPROVALS],
        proposed_at: now,
        expires_at,
        budget_account_generation: generations.0,
        obligation_generation: generations.1,
        decimals,
        reserved: [0; 7],
    };
    request.invariant()?;
    let event = PaymentProposed {
        request: request_key,
        agency: request.agency,
        sequence: args.sequence,
        budget_account: request.budget_account,
        obligation: request.obligation,
        payee_token_account: request.payee_token_account,
        amount: args.amount,
        document_hash: args.document_hash,
        reference: args.reference,
        required_approvals: requirement.approvals,
        time_lock_seconds: requirement.time_lock_seconds,
        expires_at,
        requester: request.requester,
    };
    pda_account::write_zero_copy(&ctx.accounts.request, &request)?;
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
