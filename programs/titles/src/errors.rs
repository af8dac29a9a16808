//! Errors of the titles program. Append only: codes are part of the public interface.

use anchor_lang::prelude::*;

#[error_code]
pub enum TitlesError {
    /// Jurisdiction codes are printable ASCII, left-aligned and zero-padded, not empty.
    #[msg("jurisdiction code must be 1-8 printable ASCII characters, zero-padded")]
    InvalidJurisdiction,
    /// Names are UTF-8, left-aligned and zero-padded, not empty.
    #[msg("name must be 1-32 bytes of UTF-8, zero-padded")]
    InvalidName,
    /// The registrar must be a real address.
    #[msg("the registrar must not be the default address")]
    InvalidRegistrar,
    /// Only the registry's registrar may do this.
    #[msg("only the registrar may do this")]
    NotRegistrar,
    /// No registrar change is pending for the signer.
    #[msg("the signer is not the pending registrar")]
    NotPendingRegistrar,
    /// The member account is not the signer's membership in the agency concerned.
    #[msg("the signer is not a member of the agency concerned")]
    NotAMember,
    /// The signer lacks the property officer role in the agency concerned.
    #[msg("the signer is not a property officer of the agency concerned")]
    NotPropertyOfficer,
    /// Parcel ids are 1-24 printable ASCII characters, zero-padded.
    #[msg("parcel id must be 1-24 printable ASCII characters, zero-padded")]
    InvalidParcelId,
    /// Property kinds are land (0), building (1) or facility (2).
    #[msg("property kind must be 0 (land), 1 (building) or 2 (facility)")]
    InvalidKind,
    /// Coordinates are microdegrees within ±90° latitude and ±180° longitude.
    #[msg("coordinates out of range")]
    InvalidCoordinates,
    /// The property is in another registry, or the agency is not the holder.
    #[msg("the property belongs to another registry or holder")]
    PropertyMismatch,
    /// The property has active liens.
    #[msg("the property has active liens")]
    LienActive,
    /// The property is frozen by the registrar.
    #[msg("the property is frozen")]
    Frozen,
    /// The property has been disposed of.
    #[msg("the property has been disposed of")]
    Disposed,
    /// A property cannot be transferred to its own holder.
    #[msg("the receiving agency already holds the property")]
    SameHolder,
    /// The signer is not a property officer of the receiving agency.
    #[msg("only the receiving agency may accept")]
    NotReceiver,
    /// The lien holder is not authorised by the registrar.
    #[msg("the lien holder is not authorised in this registry")]
    LienHolderNotAuthorized,
    /// Lien ids are 1-16 printable ASCII characters, zero-padded.
    #[msg("lien id must be 1-16 printable ASCII characters, zero-padded")]
    InvalidLienId,
    /// Amounts must be greater than zero.
    #[msg("amount must be greater than zero")]
    ZeroAmount,
    /// Record kinds are maintenance (0), inspection (1), occupancy (2) or lease (3); disposal kinds sale
    /// (0) or demolition (1).
    #[msg("unknown record kind")]
    InvalidRecordKind,
    /// Occupancy is a percentage, condition a 0-5 rating.
    #[msg("occupancy must be 0-100 and condition 0-5")]
    InvalidUpdate,
    /// A counter would overflow.
    #[msg("counter overflows")]
    Overflow,
    /// The offer does not match the property or the agencies passed.
    #[msg("the offer does not match the property or agencies")]
    OfferMismatch,
    /// A building record was built for another position in the property's record sequence: a copy
    /// may have landed already.
    #[msg("the building record's sequence number is not the property's next")]
    RecordSequenceChanged,
    /// The property already holds 255 active liens, the most its counter records.
    #[msg("the property already has 255 active liens, the most it can hold")]
    TooManyLiens,
    /// The title chain already has 65,535 transfers, the most its counter records.
    #[msg("the title already has 65,535 transfers, the most its chain can record")]
    TitleChainFull,
    /// The property already has 65,535 building records, the most its counter records.
    #[msg("the property already has 65,535 building records, the most it can count")]
    BuildingRecordsFull,
    /// The holding agency is deactivated: it registers nothing.
    #[msg("the agency is deactivated")]
    AgencyInactive,
    /// Only the registrar, or a property officer of an agency the registrar authorised for this
    /// registry, registers a parcel there.
    #[msg("the registrar has not authorised this agency to register property in this registry")]
    AgencyNotAuthorized,
    /// A void gives its reason: UTF-8, zero-padded, not empty.
    #[msg("the reason must be 1-64 bytes of UTF-8 text, zero-padded")]
    InvalidReason,
    /// Only a title never transferred, with no active lien and no pending offer, is voided.
    #[msg("the title has been transferred, carries a lien or has an offer pending: it cannot be voided")]
    TitleInUse,
}
