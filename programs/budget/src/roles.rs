//! Who may act for an agency: members of the budget program holding a role.

use crate::state::Member;
use anchor_lang::prelude::*;

use crate::errors::BudgetError;

/// Fails unless `member` (owner and type checked by Anchor) is
/// `signer`'s membership in `agency` holding every flag of `role`. One load of the account, where
/// three `constraint`s would load it three times.
pub fn require_member(
    member: &AccountLoader<Member>,
    agency: &Pubkey,
    signer: &Pubkey,
    role: u8,
) -> Result<()> {
    let member = member.load()?;
    require_keys_eq!(member.agency, *agency, BudgetError::NotAMember);
    require_keys_eq!(member.member, *signer, BudgetError::NotAMember);
    require!(member.has(role), BudgetError::MissingRole);
    Ok(())
}
