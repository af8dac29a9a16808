//! Who may act for an agency: members of the budget program holding a role.

use anchor_lang::prelude::*;
use budget::state::{Agency, Member, Role};

use crate::errors::DisbursementError;

/// `budget::roles::require_role` with the disbursement program's errors: `member` must be `signer`'s
/// membership in `agency` holding every flag of `role`.
pub fn require_member(
    member: &AccountLoader<Member>,
    agency: &Pubkey,
    signer: &Pubkey,
    role: u8,
) -> Result<()> {
    budget::roles::require_role(
        member,
        agency,
        signer,
        role,
        DisbursementError::NotAMember,
        DisbursementError::MissingRole,
    )
}

/// `agency` is the agency a request or batch names (`expected`), and it is active.
#[inline(always)]
pub fn require_active_agency(agency: &AccountInfo, expected: &Pubkey) -> Result<()> {
    require_keys_eq!(*agency.key, *expected, DisbursementError::RequestMismatch);
    require!(
        Agency::is_active_account(agency)?,
        DisbursementError::AgencyInactive
    );
    Ok(())
}

/// `member` is `approver`'s membership in `agency` and no longer holds the approver role: only then
/// is an approval of theirs voided. A membership is created only at its PDA, so the budget program's
/// account naming this agency and key is the one membership there is.
pub fn require_revoked_approver(
    member: &AccountLoader<Member>,
    agency: &Pubkey,
    approver: &Pubkey,
) -> Result<()> {
    let member = member.load()?;
    require_keys_eq!(member.agency, *agency, DisbursementError::NotAMember);
    require_keys_eq!(member.member, *approver, DisbursementError::NotAMember);
    require!(
        !member.has(Role::APPROVER),
        DisbursementError::ApproverStillHoldsRole
    );
    Ok(())
}

/// What `obligation` (a budget program obligation, passed unchecked: the outlay's CPI checks it whole
/// in the same transaction, so a forged one fails there) paid in its current and previous payment
/// window at `now`, for windows of `window_seconds`.
#[inline(always)]
pub fn obligation_paid_recently(
    obligation: &AccountInfo,
    now: i64,
    window_seconds: u32,
) -> Result<u64> {
    let data = obligation.try_borrow_data()?;
    let fields = data
        .get(8..budget::state::Obligation::SPACE)
        .ok_or(ErrorCode::AccountDidNotDeserialize)?;
    let obligation: &budget::state::Obligation =
        bytemuck::try_from_bytes(fields).map_err(|_| ErrorCode::AccountDidNotDeserialize)?;
    Ok(obligation.paid_recently(now, window_seconds))
}
