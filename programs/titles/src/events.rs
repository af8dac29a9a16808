//! Events, each emitted by self-CPI through [`emit`] (what `emit_cpi!` sends, built more cheaply): each carries enough to rebuild every title's chain off chain.

use anchor_lang::prelude::*;

use crate::constants::{JURISDICTION_LEN, LIEN_ID_LEN, NAME_LEN, PARCEL_ID_LEN, VOID_REASON_LEN};

/// A registry was opened for a jurisdiction.
#[event]
pub struct RegistryInitialized {
    /// The registry account.
    pub registry: Pubkey,
    /// Jurisdiction code, ASCII zero-padded.
    pub jurisdiction: [u8; JURISDICTION_LEN],
    /// Display name, UTF-8 zero-padded.
    pub name: [u8; NAME_LEN],
    /// The registrar authority.
    pub registrar: Pubkey,
    /// The treasury authority that opened it.
    pub opened_by: Pubkey,
}

/// A new registrar was proposed (step one of two).
#[event]
pub struct RegistrarProposed {
    /// The registry.
    pub registry: Pubkey,
    /// The current registrar.
    pub registrar: Pubkey,
    /// The proposed registrar.
    pub proposed: Pubkey,
}

/// The proposed registrar accepted (step two of two).
#[event]
pub struct RegistrarAccepted {
    /// The registry.
    pub registry: Pubkey,
    /// The registrar before.
    pub previous: Pubkey,
    /// The registrar now.
    pub registrar: Pubkey,
}

/// The registrar authorised or revoked a lien holder.
#[event]
pub struct LienHolderSet {
    /// The registry.
    pub registry: Pubkey,
    /// The lien holder.
    pub holder: Pubkey,
    /// True when authorised, false when revoked.
    pub active: bool,
    /// The registrar.
    pub registrar: Pubkey,
}

/// The registrar authorised or revoked an agency's registering of property in a registry.
#[event]
pub struct RegistryAgencySet {
    /// The registry.
    pub registry: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// True when authorised, false when revoked.
    pub active: bool,
    /// The registrar.
    pub registrar: Pubkey,
}

/// The registrar voided a registration made in error; the title account is closed.
#[event]
pub struct PropertyVoided {
    /// The property account (closed).
    pub property: Pubkey,
    /// The registry.
    pub registry: Pubkey,
    /// Parcel id.
    pub parcel_id: [u8; PARCEL_ID_LEN],
    /// The agency it was registered to.
    pub holder: Pubkey,
    /// Why (UTF-8, zero-padded).
    pub reason: [u8; VOID_REASON_LEN],
    /// The registrar.
    pub registrar: Pubkey,
}

/// A property was registered: the start of its title chain.
#[event]
pub struct PropertyRegistered {
    /// The property account.
    pub property: Pubkey,
    /// The registry.
    pub registry: Pubkey,
    /// Parcel id.
    pub parcel_id: [u8; PARCEL_ID_LEN],
    /// Land, building or facility.
    pub kind: u8,
    /// The holding agency.
    pub holder: Pubkey,
    /// Latitude in microdegrees.
    pub latitude: i32,
    /// Longitude in microdegrees.
    pub longitude: i32,
    /// Hash of the legal description.
    pub legal_description_hash: [u8; 32],
    /// Area in square metres.
    pub area_sq_m: u32,
    /// Acquisition cost.
    pub acquisition_cost: u64,
    /// Acquisition date (Unix time).
    pub acquisition_date: i64,
    /// Hash of the deed.
    pub deed_hash: [u8; 32],
    /// Who registered it (the registrar or a property officer).
    pub registered_by: Pubkey,
}

/// The holder's property officer updated use, occupancy or condition.
#[event]
pub struct PropertyUpdated {
    /// The property.
    pub property: Pubkey,
    /// Use code now.
    pub use_code: u8,
    /// Occupancy now (percent).
    pub occupancy: u8,
    /// Condition now (0-5).
    pub condition: u8,
    /// The property officer.
    pub officer: Pubkey,
}

/// The holder offered the title to another agency.
#[event]
pub struct TransferOffered {
    /// The property.
    pub property: Pubkey,
    /// The offer account.
    pub offer: Pubkey,
    /// The holding agency.
    pub from_agency: Pubkey,
    /// The receiving agency.
    pub to_agency: Pubkey,
    /// The property officer who offered it.
    pub offered_by: Pubkey,
}

/// The receiving agency accepted: the title moved.
#[event]
pub struct TransferAccepted {
    /// The property.
    pub property: Pubkey,
    /// The holder before.
    pub previous_holder: Pubkey,
    /// The holder now.
    pub holder: Pubkey,
    /// The title chain's length after this transfer.
    pub transfer_seq: u16,
    /// The receiving agency's property officer.
    pub accepted_by: Pubkey,
}

/// A pending offer was withdrawn or declined.
#[event]
pub struct TransferCancelled {
    /// The property.
    pub property: Pubkey,
    /// The holding agency.
    pub from_agency: Pubkey,
    /// The agency it was offered to.
    pub to_agency: Pubkey,
    /// Who cancelled it.
    pub cancelled_by: Pubkey,
}

/// A lien was recorded.
#[event]
pub struct LienRecorded {
    /// The property.
    pub property: Pubkey,
    /// The lien account.
    pub lien: Pubkey,
    /// The lien holder.
    pub holder: Pubkey,
    /// The holder's lien id.
    pub lien_id: [u8; LIEN_ID_LEN],
    /// Amount secured.
    pub amount: u64,
    /// Hash of the lien document.
    pub document_hash: [u8; 32],
    /// Active liens on the property after this one.
    pub active_liens: u8,
}

/// A lien was released.
#[event]
pub struct LienReleased {
    /// The property.
    pub property: Pubkey,
    /// The lien account (closed).
    pub lien: Pubkey,
    /// The lien holder.
    pub holder: Pubkey,
    /// The holder's lien id.
    pub lien_id: [u8; LIEN_ID_LEN],
    /// Active liens on the property after the release.
    pub active_liens: u8,
}

/// The registrar froze or unfroze a property.
#[event]
pub struct PropertyFreezeSet {
    /// The property.
    pub property: Pubkey,
    /// True when now frozen.
    pub frozen: bool,
    /// Hash of the order or dispute document.
    pub document_hash: [u8; 32],
    /// The registrar.
    pub registrar: Pubkey,
}

/// The holder disposed of the property (sale or demolition); the title is closed to transfers.
#[event]
pub struct PropertyDisposed {
    /// The property.
    pub property: Pubkey,
    /// The last holder.
    pub holder: Pubkey,
    /// Sale (0) or demolition (1).
    pub disposal_kind: u8,
    /// Price received (0 for a demolition).
    pub price: u64,
    /// The buyer's key (default for a demolition).
    pub buyer: Pubkey,
    /// Hash of the disposal document.
    pub document_hash: [u8; 32],
    /// The property officer.
    pub officer: Pubkey,
}

/// A building record: maintenance, inspection, occupancy or lease (history kept in events only).
#[event]
pub struct BuildingRecorded {
    /// The property.
    pub property: Pubkey,
    /// The holding agency.
    pub holder: Pubkey,
    /// The record's sequence number on the property (0 for its first).
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
    /// The property officer.
    pub officer: Pubkey,
}

/// Emit `event` by a CPI to this program signed by its event `authority` (see `budget::event_cpi`).
pub fn emit<E: anchor_lang::Event>(authority: &AccountInfo, event: &E) -> Result<()> {
    budget::event_cpi::emit(
        &crate::ID,
        authority,
        crate::EVENT_AUTHORITY_AND_BUMP.1,
        event,
    )
}
