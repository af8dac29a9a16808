use anchor_lang::prelude::*;
use budget::state::Member;

use crate::events::{emit, ApprovalVoided};
use crate::roles::require_revoked_approver;
use crate::state::BatchRequest;

/// The accounts of voiding a batch approval whose approver has lost the approver role: as a single
/// request's (`payment_approval_void`).
#[event_cpi]
#[derive(Accounts)]
pub struct PaymentBatchApprovalVoid<'info> {
    /// The batch.
    #[account(mut)]
    pub batch: Box<Account<'info, BatchRequest>>,
    /// The approver's membership in the batch's agency, without the approver role now.
    pub member: AccountLoader<'info, Member>,
    /// The approver whose approval is voided.
    /// CHECK: only its key is used, against the membership's and the batch's approvers.
    pub approver: UncheckedAccount<'info>,
    /// Who sends the void; pays the fee.
    pub voided_by: Signer<'info>,
}

/// Void `approver`'s approval of a batch, paid items or not: the unpaid ones need it again.
pub fn handler(ctx: Context<PaymentBatchApprovalVoid>) -> Result<()> {
    let approver = ctx.accounts.approver.key();
    let batch = &mut ctx.accounts.batch;
    require_revoked_approver(&ctx.accounts.member, &batch.agency, &approver)?;
    batch.approvals.as_mut().remove(&approver)?;
    batch.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &ApprovalVoided {
            request: batch.key(),
            agency: batch.agency,
            sequence: batch.sequence,
            approver,
            approval_count: batch.approvals.count,
            voided_by: ctx.accounts.voided_by.key(),
        },
    )?;
    Ok(())
}
