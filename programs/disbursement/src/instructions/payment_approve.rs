use anchor_lang::prelude::*;
use budget::state::{Member, Role};

use crate::errors::DisbursementError;
use crate::events::{emit, PaymentApproved};
use crate::roles::require_member;
use crate::state::{PaymentRequest, Policy};

/// The accounts of an approval. The request names its agency: the membership and the policy are
/// checked against it by the handler, on the one load of each it needs anyway (no agency account).
#[event_cpi]
#[derive(Accounts)]
pub struct PaymentApprove<'info> {
    /// The request's agency's policy (a stricter current tier raises the approvals needed).
    pub policy: AccountLoader<'info, Policy>,
    /// The approver's membership in the request's agency, with the approver role.
    pub member: AccountLoader<'info, Member>,
    /// The approver (certifying officer); never the requester.
    pub approver: Signer<'info>,
    /// The request.
    #[account(mut)]
    pub request: AccountLoader<'info, PaymentRequest>,
}

/// Approve a payment; each approver counts once.
pub fn handler(ctx: Context<PaymentApprove>) -> Result<()> {
    let approver = ctx.accounts.approver.key();
    let mut request = ctx.accounts.request.load_mut()?;
    require_member(
        &ctx.accounts.member,
        &request.agency,
        &approver,
        Role::APPROVER,
    )?;
    let policy = ctx.accounts.policy.load()?;
    require_keys_eq!(policy.agency, request.agency, DisbursementError::NoPolicy);
    let required = request
        .requirement()
        .stricter(policy.requirement(request.amount));
    let now = Clock::get()?.unix_timestamp;
    let requester = request.requester;
    let mut approvals = request.approvals_mut();
    approvals.add(&approver, &requester, required.approvals, now)?;
    request.invariant()?;
    let event = PaymentApproved {
        request: ctx.accounts.request.key(),
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
