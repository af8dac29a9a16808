//! Who may act for an agency: members of the budget program holding a role.

use anchor_lang::prelude::*;
use budget::state::Member;

use crate::errors::DisbursementError;

/// Fails unless `member` (a budget program membership, owner and type checked by Anchor) is
/// `signer`'s membership in `agency` holding every flag of `role`. One load of the account, where
/// three `constraint`s would load it three times.
pub fn require_member(
    member: &AccountLoader<Member>,
    agency: &Pubkey,
    signer: &Pubkey,
    role: u8,
) -> Result<()> {
    let member = member.load()?;
    require_keys_eq!(member.agency, *agency, DisbursementError::NotAMember);
    require_keys_eq!(member.member, *signer, DisbursementError::NotAMember);
    require!(member.has(role), DisbursementError::MissingRole);
    Ok(())
}
