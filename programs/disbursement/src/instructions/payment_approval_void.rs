use anchor_lang::prelude::*;
use budget::state::Member;

use crate::events::{emit, ApprovalVoided};
use crate::roles::require_revoked_approver;
use crate::state::PaymentRequest;

/// The accounts of voiding an approval whose approver has lost the approver role. Anyone may send
/// it: the rule is the membership's, not the sender's (`fisc member set` sends it with the revocation).
#[event_cpi]
#[derive(Accounts)]
pub struct PaymentApprovalVoid<'info> {
    /// The request.
    #[account(mut)]
    pub request: AccountLoader<'info, PaymentRequest>,
    /// The approver's membership in the request's agency, without the approver role now. Checked by
    /// the handler (`roles::require_revoked_approver`): its agency the request's, its key `approver`.
    pub member: AccountLoader<'info, Member>,
    /// The approver whose approval is voided.
    /// CHECK: only its key is used, against the membership's and the request's approvers.
    pub approver: UncheckedAccount<'info>,
    /// Who sends the void; pays the fee.
    pub voided_by: Signer<'info>,
}

/// Void `approver`'s approval of a request: it no longer counts once the approver role is revoked.
pub fn handler(ctx: Context<PaymentApprovalVoid>) -> Result<()> {
    let approver = ctx.accounts.approver.key();
    let mut request = ctx.accounts.request.load_mut()?;
    require_revoked_approver(&ctx.accounts.member, &request.agency, &approver)?;
    request.approvals_mut().remove(&approver)?;
    request.invariant()?;
    let event = ApprovalVoided {
        request: ctx.accounts.request.key(),
        agency: request.agency,
        sequence: request.sequence,
        approver,
        approval_count: request.approval_count,
        voided_by: ctx.accounts.voided_by.key(),
    };
    drop(request);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
