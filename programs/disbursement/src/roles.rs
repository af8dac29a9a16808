//! Who may act for an agency: members of the budget program holding a role.

use anchor_lang::prelude::*;
use budget::state::{Agency, Member};

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
