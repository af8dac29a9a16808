use anchor_lang::prelude::*;
use budget::state::{Member, Role};

use crate::errors::DisbursementError;
use crate::events::{emit, PaymentApproved};
use crate::roles::require_member;
use crate::state::{PaymentRequest, Policy};

#[event_cpi]
#[derive(Accounts)]
pub struct PaymentApprove<'info> {
    /// The agency's policy (a stricter current tier raises the approvals needed).
    #[account(has_one = agency @ DisbursementError::NoPolicy)]
    pub policy: AccountLoader<'info, Policy>,
    /// The agency (budget program).
    /// CHECK: by key only; the policy, the membership and the request are checked against it.
    pub agency: UncheckedAccount<'info>,
    /// The approver's membership, with the approver role.
    /// Checked first by the handler (`roles::require_member`).
    pub member: AccountLoader<'info, Member>,
    /// The approver (certifying officer); never the requester.
    pub approver: Signer<'info>,
    /// The request.
    #[account(mut, has_one = agency @ DisbursementError::RequestMismatch)]
    pub request: AccountLoader<'info, PaymentRequest>,
}

/// Approve a payment; each approver counts once.
pub fn handler(ctx: Context<PaymentApprove>) -> Result<()> {
    require_member(
        &ctx.accounts.member,
        &ctx.accounts.agency.key(),
        &ctx.accounts.approver.key(),
        Role::APPROVER,
    )?;
    let now = Clock::get()?.unix_timestamp;
    let approver = ctx.accounts.approver.key();
    let request_key = ctx.accounts.request.key();
    let mut request = ctx.accounts.request.load_mut()?;
    let required = request
        .requirement()
        .stricter(ctx.accounts.policy.load()?.requirement(request.amount));
    let mut approvals = request.approvals();
    approvals.add(approver, &request.requester, required.approvals, now)?;
    request.set_approvals(approvals);
    request.invariant()?;
    let event = PaymentApproved {
        request: request_key,
        agency: request.agency,
        sequence: request.sequence,
        approver,
        approval_count: request.approval_count,
        required_approvals: required.approvals,
    };
    drop(request);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
