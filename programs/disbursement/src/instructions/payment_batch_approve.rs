use anchor_lang::prelude::*;
use budget::state::{Member, Role};

use crate::events::{emit, PaymentApproved};
use crate::roles::{require_active_agency, require_member};
use crate::state::BatchRequest;

/// The accounts of a batch approval: as a single request's (`payment_approve`).
#[event_cpi]
#[derive(Accounts)]
pub struct PaymentBatchApprove<'info> {
    /// The approver's membership in the batch's agency, with the approver role.
    pub member: AccountLoader<'info, Member>,
    /// The approver; never the requester.
    pub approver: Signer<'info>,
    /// The batch.
    #[account(mut)]
    pub batch: Box<Account<'info, BatchRequest>>,
    /// The agency (budget program) the batch names; active.
    /// CHECK: by the handler, which has the batch loaded: its key against the batch's, then
    /// `roles::require_active_agency` (owner, type, flag).
    pub agency: UncheckedAccount<'info>,
}

/// Approve a batch as a whole; each approver counts once, the requester never.
pub fn handler(ctx: Context<PaymentBatchApprove>) -> Result<()> {
    let approver = ctx.accounts.approver.key();
    let batch = &mut ctx.accounts.batch;
    require_active_agency(&ctx.accounts.agency, &batch.agency)?;
    require_member(
        &ctx.accounts.member,
        &batch.agency,
        &approver,
        Role::APPROVER,
    )?;
    let now = Clock::get()?.unix_timestamp;
    batch.approvals.as_mut().add(&approver, now)?;
    // Distinct approvers, never the requester: the invariant's rule.
    batch.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &PaymentApproved {
            request: batch.key(),
            agency: batch.agency,
            sequence: batch.sequence,
            approver,
            approval_count: batch.approvals.count,
            required_approvals: batch.required_approvals,
        },
    )?;
    Ok(())
}
