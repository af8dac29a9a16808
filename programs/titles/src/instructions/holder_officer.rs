//! Accounts shared by the instructions a holding agency's property officer signs.

use anchor_lang::prelude::*;
use budget::state::Member;

use crate::errors::TitlesError;
use crate::state::Property;

/// A property, its holding agency and one of that agency's property officers.
#[event_cpi]
#[derive(Accounts)]
pub struct HolderOfficer<'info> {
    /// The property; held by `agency`.
    #[account(mut, constraint = property.load()?.holder == agency.key() @ TitlesError::PropertyMismatch)]
    pub property: AccountLoader<'info, Property>,
    /// The holding agency (budget program).
    /// CHECK: by key only; the property's holder and the membership's agency are checked against it.
    pub agency: UncheckedAccount<'info>,
    /// The officer's membership in the agency.
    pub member: AccountLoader<'info, Member>,
    /// A property officer of the holding agency.
    pub officer: Signer<'info>,
}
