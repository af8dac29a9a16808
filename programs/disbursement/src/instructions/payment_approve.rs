use anchor_lang::prelude::*;
use budget::state::{Member, Role};

use crate::events::{emit, PaymentApproved};
use crate::roles::{require_active_agency, require_member};
use crate::state::PaymentRequest;

/// The accounts of an approval. The request names its agency: the membership is checked against it
/// by the handler. No policy: the tier that applies is decided at execution (`state::approvals`).
#[event_cpi]
#[derive(Accounts)]
pub struct PaymentApprove<'info> {
    /// The approver's membership in the request's agency, with the approver role.
    pub member: AccountLoader<'info, Member>,
    /// The approver (certifying officer); never the requester.
    pub approver: Signer<'info>,
    /// The request.
    #[account(mut)]
    pub request: AccountLoader<'info, PaymentRequest>,
    /// The agency (budget program) the request names; active.
    /// CHECK: by the handler, which has the request loaded: its key against the request's, then
    /// `roles::require_active_agency` (owner, type, flag).
    pub agency: UncheckedAccount<'info>,
}

/// Approve a payment; each approver counts once, the requester never.
pub fn handler(ctx: Context<PaymentApprove>) -> Result<()> {
    let approver = ctx.accounts.approver.key();
    let mut request = ctx.accounts.request.load_mut()?;
    require_active_agency(&ctx.accounts.agency, &request.agency)?;
    require_member(
        &ctx.accounts.member,
        &request.agency,
        &approver,
        Role::APPROVER,
    )?;
    let now = Clock::get()?.unix_timestamp;
    request.approvals_mut().add(&approver, now)?;
    // Distinct approvers, never the requester: the invariant's rule.
    request.invariant()?;
    let event = PaymentApproved {
        request: ctx.accounts.request.key(),
        agency: request.agency,
        sequence: request.sequence,
        approver,
        approval_count: request.approval_count,
        required_approvals: request.required_approvals,
    };
    drop(request);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
