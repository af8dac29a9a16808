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
    let member = member.load()?;
    require_keys_eq!(member.agency, *agency, TitlesError::NotAMember);
    require_keys_eq!(member.member, *signer, TitlesError::NotAMember);
    require!(
        member.has(Role::PROPERTY_OFFICER),
        TitlesError::NotPropertyOfficer
    );
    Ok(())
}
