use anchor_lang::prelude::*;

use crate::errors::TitlesError;
use crate::events::{emit, BuildingRecorded};
use crate::instructions::HolderOfficer;
use crate::roles::require_property_officer;

/// Arguments of `building_record_add`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct BuildingRecordArgs {
    /// The property's next record sequence number (`Property::building_records`) when the record was
    /// built: a copy that lands twice is refused the second time.
    pub sequence: u16,
    /// Maintenance (0), inspection (1), occupancy (2) or lease (3).
    pub record_kind: u8,
    /// Date of the event recorded (Unix time).
    pub date: i64,
    /// Cost, 0 when none.
    pub cost: u64,
    /// Hash of the record's document.
    pub document_hash: [u8; 32],
    /// The fisc payment request that paid for it, `Pubkey::default()` when none.
    pub payment_request: Pubkey,
}

/// Record maintenance, an inspection, occupancy or a lease; history lives in the event only, the property
/// counts the records.
pub fn handler(ctx: Context<HolderOfficer>, args: BuildingRecordArgs) -> Result<()> {
    let officer = ctx.accounts.officer.key();
    require_property_officer(&ctx.accounts.member, &ctx.accounts.agency.key(), &officer)?;
    require!(args.record_kind <= 3, TitlesError::InvalidRecordKind);
    let mut property = ctx.accounts.property.load_mut()?;
    require!(!property.is_disposed(), TitlesError::Disposed);
    property.take_building_record(args.sequence)?;
    property.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &BuildingRecorded {
            property: ctx.accounts.property.key(),
            holder: property.holder,
            sequence: args.sequence,
            record_kind: args.record_kind,
            date: args.date,
            cost: args.cost,
            document_hash: args.document_hash,
            payment_request: args.payment_request,
            officer,
        },
    )?;
    Ok(())
}
