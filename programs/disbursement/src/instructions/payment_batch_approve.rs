use anchor_lang::prelude::*;
use budget::state::{Member, Role};

use crate::errors::DisbursementError;
use crate::events::{emit, PaymentApproved};
use crate::roles::require_member;
use crate::state::{BatchRequest, Policy};

#[event_cpi]
#[derive(Accounts)]
pub struct PaymentBatchApprove<'info> {
    /// The agency's policy (a stricter current tier raises the approvals needed).
    #[account(has_one = agency @ DisbursementError::NoPolicy)]
    pub policy: AccountLoader<'info, Policy>,
    /// The agency (budget program).
    /// CHECK: by key only; the accounts that name it are checked against it.
    pub agency: UncheckedAccount<'info>,
    /// The approver's membership, with the approver role.
    /// Checked first by the handler (`roles::require_member`).
    pub member: AccountLoader<'info, Member>,
    /// The approver; never the requester.
    pub approver: Signer<'info>,
    /// The batch.
    #[account(mut, has_one = agency @ DisbursementError::RequestMismatch)]
    pub batch: Box<Account<'info, BatchRequest>>,
}

/// Approve a batch as a whole; each approver counts once.
pub fn handler(ctx: Context<PaymentBatchApprove>) -> Result<()> {
    require_member(
        &ctx.accounts.member,
        &ctx.accounts.agency.key(),
        &ctx.accounts.approver.key(),
        Role::APPROVER,
    )?;
    let now = Clock::get()?.unix_timestamp;
    let required = ctx.accounts.batch.requirement().stricter(
        ctx.accounts
            .policy
            .load()?
            .requirement(ctx.accounts.batch.total),
    );
    let approver = ctx.accounts.approver.key();
    let batch = &mut ctx.accounts.batch;
    let requester = batch.requester;
    batch
        .approvals
        .as_mut()
        .add(&approver, &requester, required.approvals, now)?;
    batch.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &PaymentApproved {
            request: batch.key(),
            agency: batch.agency,
            sequence: batch.sequence,
            approver,
            approval_count: batch.approvals.count,
            required_approvals: required.approvals,
        },
    )?;
    Ok(())
}
