//! Who may act for an agency: members of the budget program with the property officer role.

use anchor_lang::prelude::*;
use budget::state::{Member, Role};

use crate::errors::TitlesError;

/// Fails unless `member` (a budget program membership, owner and type checked by Anchor) is
/// `signer`'s membership in `agency` with the property officer role.
pub fn require_property_officer(
    member: &AccountLoader<Member>,
    agency: &Pubkey,
    signer: &Pubkey,
) -> Result<()> {
    budget::roles::require_role(
        member,
        agency,
        signer,
        Role::PROPERTY_OFFICER,
        TitlesError::NotAMember,
        TitlesError::NotPropertyOfficer,
    )
}
