use anchor_lang::prelude::*;

use crate::errors::TitlesError;
use crate::events::{emit, PropertyUpdated};
use crate::instructions::HolderOfficer;
use crate::roles::require_property_officer;

/// Record the property's use, occupancy (percent) and condition (0-5); by the holder's property officer.
pub fn handler(
    ctx: Context<HolderOfficer>,
    use_code: u8,
    occupancy: u8,
    condition: u8,
) -> Result<()> {
    let officer = ctx.accounts.officer.key();
    require_property_officer(&ctx.accounts.member, &ctx.accounts.agency.key(), &officer)?;
    let mut property = ctx.accounts.property.load_mut()?;
    require!(!property.is_disposed(), TitlesError::Disposed);
    require!(
        occupancy <= 100 && condition <= 5,
        TitlesError::InvalidUpdate
    );
    property.use_code = use_code;
    property.occupancy = occupancy;
    property.condition = condition;
    property.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &PropertyUpdated {
            property: ctx.accounts.property.key(),
            use_code,
            occupancy,
            condition,
            officer,
        },
    )?;
    Ok(())
}
