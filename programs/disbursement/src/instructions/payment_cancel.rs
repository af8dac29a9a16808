use anchor_lang::prelude::*;
use budget::state::Agency;

use crate::errors::DisbursementError;
use crate::events::{emit, PaymentCancelled};
use crate::state::PaymentRequest;

#[event_cpi]
#[derive(Accounts)]
pub struct PaymentCancel<'info> {
    /// The agency (budget program), naming its admin.
    pub agency: AccountLoader<'info, Agency>,
    /// The request, closed here; its rent returns to the requester.
    #[account(
        mut,
        has_one = agency @ DisbursementError::RequestMismatch,
        has_one = requester @ DisbursementError::RequestMismatch,
        close = requester,
        constraint = signer.key() == request.load()?.requester || signer.key() == agency.load()?.admin @ DisbursementError::NotRequesterOrAdmin,
    )]
    pub request: AccountLoader<'info, PaymentRequest>,
    /// The request's requester, receiving the rent.
    /// CHECK: checked by `has_one`.
    #[account(mut)]
    pub requester: UncheckedAccount<'info>,
    /// The requester or the agency's admin.
    pub signer: Signer<'info>,
}

/// Cancel a payment: the request ends, nothing is paid.
pub fn handler(ctx: Context<PaymentCancel>) -> Result<()> {
    let request = ctx.accounts.request.load()?;
    let event = PaymentCancelled {
        request: ctx.accounts.request.key(),
        agency: request.agency,
        sequence: request.sequence,
        cancelled_by: ctx.accounts.signer.key(),
    };
    drop(request);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
