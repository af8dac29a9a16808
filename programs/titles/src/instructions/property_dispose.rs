use anchor_lang::prelude::*;

use crate::errors::TitlesError;
use crate::events::{emit, PropertyDisposed};
use crate::instructions::HolderOfficer;
use crate::roles::require_property_officer;

/// Arguments of `property_dispose`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct PropertyDisposeArgs {
    /// Sale (0) or demolition (1).
    pub disposal_kind: u8,
    /// Price received (0 for a demolition).
    pub price: u64,
    /// The buyer's key (default for a demolition).
    pub buyer: Pubkey,
    /// Hash of the disposal document.
    pub document_hash: [u8; 32],
}

/// Sell or demolish: the title closes to transfers for good. Not under a lien or a freeze.
pub fn handler(ctx: Context<HolderOfficer>, args: PropertyDisposeArgs) -> Result<()> {
    let officer = ctx.accounts.officer.key();
    require_property_officer(&ctx.accounts.member, &ctx.accounts.agency.key(), &officer)?;
    require!(args.disposal_kind <= 1, TitlesError::InvalidRecordKind);
    let mut property = ctx.accounts.property.load_mut()?;
    property.require_movable()?;
    property.set_disposed();
    property.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &PropertyDisposed {
            property: ctx.accounts.property.key(),
            holder: property.holder,
            disposal_kind: args.disposal_kind,
            price: args.price,
            buyer: args.buyer,
            document_hash: args.document_hash,
            officer,
        },
    )?;
    Ok(())
}
