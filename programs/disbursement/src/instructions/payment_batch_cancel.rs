use anchor_lang::prelude::*;
use budget::state::{Agency, Member, Role};

use crate::errors::DisbursementError;
use crate::events::{emit, PaymentCancelled, PaymentRejected};
use crate::state::BatchRequest;

#[event_cpi]
#[derive(Accounts)]
pub struct PaymentBatchCancel<'info> {
    /// The agency (budget program), naming its admin.
    pub agency: AccountLoader<'info, Agency>,
    /// The signer's membership when an approver rejects; omitted for the requester or the admin.
    pub member: Option<AccountLoader<'info, Member>>,
    /// The batch, closed here: its unpaid items are never paid; rent to the requester.
    #[account(
        mut,
        has_one = agency @ DisbursementError::RequestMismatch,
        has_one = requester @ DisbursementError::RequestMismatch,
        close = requester,
    )]
    pub batch: Box<Account<'info, BatchRequest>>,
    /// The batch's requester, receiving the rent.
    /// CHECK: checked by `has_one`.
    #[account(mut)]
    pub requester: UncheckedAccount<'info>,
    /// The requester or the agency admin (cancel), or an approver (reject).
    pub signer: Signer<'info>,
}

/// End a batch: rejected by an approver (who passes their membership) before it pays anything, or
/// cancelled by its requester or the agency admin at any time, its unpaid remainder with it (one payee
/// whose account cannot take a payment no longer strands the others, which can then be proposed again;
/// what was paid stays paid, and a closed batch pays nothing more).
pub fn handler(ctx: Context<PaymentBatchCancel>) -> Result<()> {
    let signer = ctx.accounts.signer.key();
    let batch = &ctx.accounts.batch;
    let (request, agency, sequence) = (batch.key(), batch.agency, batch.sequence);
    match &ctx.accounts.member {
        Some(member) => {
            let member = member.load()?;
            require_keys_eq!(member.agency, agency, DisbursementError::NotAMember);
            require_keys_eq!(member.member, signer, DisbursementError::NotAMember);
            require!(member.has(Role::APPROVER), DisbursementError::MissingRole);
            require!(batch.paid_count == 0, DisbursementError::BatchStarted);
            emit(
                &ctx.accounts.event_authority,
                &PaymentRejected {
                    request,
                    agency,
                    sequence,
                    approver: signer,
                },
            )?;
        }
        None => {
            require!(
                signer == batch.requester || signer == ctx.accounts.agency.load()?.admin,
                DisbursementError::NotRequesterOrAdmin
            );
            emit(
                &ctx.accounts.event_authority,
                &PaymentCancelled {
                    request,
                    agency,
                    sequence,
                    cancelled_by: signer,
                },
            )?;
        }
    }
    Ok(())
}
