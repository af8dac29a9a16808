//! Who may act for an agency: members holding a role. The other programs check memberships with
//! [`require_role`] and their own errors.

use anchor_lang::prelude::*;

use crate::errors::BudgetError;
use crate::state::Member;

/// Fails with `not_a_member` unless `member` (owner and type checked by Anchor) is `signer`'s
/// membership in `agency`, and with `missing_role` unless it holds every flag of `role`. One load of
/// the account, where three `constraint`s would load it three times.
pub fn require_role(
    member: &AccountLoader<Member>,
    agency: &Pubkey,
    signer: &Pubkey,
    role: u8,
    not_a_member: impl Into<Error>,
    missing_role: impl Into<Error>,
) -> Result<()> {
    let member = member.load()?;
    if member.agency != *agency {
        return Err(not_a_member.into().with_pubkeys((member.agency, *agency)));
    }
    if member.member != *signer {
        return Err(not_a_member.into().with_pubkeys((member.member, *signer)));
    }
    if !member.has(role) {
        return Err(missing_role.into());
    }
    Ok(())
}

/// [`require_role`] with the budget program's errors.
pub fn require_member(
    member: &AccountLoader<Member>,
    agency: &Pubkey,
    signer: &Pubkey,
    role: u8,
) -> Result<()> {
    require_role(
        member,
        agency,
        signer,
        role,
        BudgetError::NotAMember,
        BudgetError::MissingRole,
    )
}
