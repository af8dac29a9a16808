use anchor_lang::prelude::*;
use budget::state::{Member, Role};

use crate::errors::DisbursementError;
use crate::events::{emit, PaymentRejected};
use crate::roles::require_member;
use crate::state::PaymentRequest;

#[event_cpi]
#[derive(Accounts)]
pub struct PaymentReject<'info> {
    /// The agency (budget program).
    /// CHECK: by key only; the accounts that name it are checked against it.
    pub agency: UncheckedAccount<'info>,
    /// The approver's membership, with the approver role.
    /// Checked first by the handler (`roles::require_member`).
    pub member: AccountLoader<'info, Member>,
    /// The approver rejecting it.
    pub approver: Signer<'info>,
    /// The request, closed here; its rent returns to the requester.
    #[account(mut, has_one = agency @ DisbursementError::RequestMismatch, has_one = requester @ DisbursementError::RequestMismatch, close = requester)]
    pub request: AccountLoader<'info, PaymentRequest>,
    /// The request's requester, receiving the rent.
    /// CHECK: checked by `has_one`.
    #[account(mut)]
    pub requester: UncheckedAccount<'info>,
}

/// Reject a payment: the request ends, nothing is paid.
pub fn handler(ctx: Context<PaymentReject>) -> Result<()> {
    require_member(
        &ctx.accounts.member,
        &ctx.accounts.agency.key(),
        &ctx.accounts.approver.key(),
        Role::APPROVER,
    )?;
    let request = ctx.accounts.request.load()?;
    let event = PaymentRejected {
        request: ctx.accounts.request.key(),
        agency: request.agency,
        sequence: request.sequence,
        approver: ctx.accounts.approver.key(),
    };
    drop(request);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
