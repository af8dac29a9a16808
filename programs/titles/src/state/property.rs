use anchor_lang::prelude::*;
use budget::text::is_code;

use crate::constants::PARCEL_ID_LEN;
use crate::errors::TitlesError;

/// Kinds of property.
pub struct PropertyKind;

impl PropertyKind {
    pub const LAND: u8 = 0;
    pub const BUILDING: u8 = 1;
    pub const FACILITY: u8 = 2;
}

/// A title: which agency holds a parcel or building, and what may happen to it. 200 bytes.
///
/// Zero-copy: every instruction on a title reads and writes it in place instead of deserialising it
/// and writing it back. The fields are ordered so that `repr(C)` leaves no padding: the bytes are also
/// its Borsh encoding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Property {
    /// The registry it is recorded in.
    pub registry: Pubkey,
    /// The holding agency (a budget program account).
    pub holder: Pubkey,
    /// Hash of the legal description.
    pub legal_description_hash: [u8; 32],
    /// Hash of the deed.
    pub deed_hash: [u8; 32],
    /// Parcel id, unique in the registry (printable ASCII, zero-padded); a PDA seed.
    pub parcel_id: [u8; PARCEL_ID_LEN],
    /// Acquisition cost in the jurisdiction's currency's base units.
    pub acquisition_cost: u64,
    /// Acquisition date (Unix time).
    pub acquisition_date: i64,
    /// Latitude in microdegrees.
    pub latitude: i32,
    /// Longitude in microdegrees.
    pub longitude: i32,
    /// Area in square metres.
    pub area_sq_m: u32,
    /// Transfers so far: the title chain's length.
    pub transfer_seq: u16,
    /// Building records added so far; the next record's sequence number (compare and set).
    pub building_records: u16,
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the property PDA.
    pub bump: u8,
    /// Land, building or facility (see [`PropertyKind`]).
    pub kind: u8,
    /// Current use, a code of the holder's classification.
    pub use_code: u8,
    /// Occupancy in percent (0-100).
    pub occupancy: u8,
    /// Condition rating (0-5).
    pub condition: u8,
    /// Liens recorded and not released.
    pub active_liens: u8,
    /// [`PropertyFlags`]: frozen by the registrar, disposed of.
    pub flags: u8,
}

/// Bits of [`Property::flags`].
pub struct PropertyFlags;

impl PropertyFlags {
    /// Frozen by the registrar (dispute or court order): no transfer, no disposal.
    pub const FROZEN: u8 = 1;
    /// Sold or demolished: the title never moves again.
    pub const DISPOSED: u8 = 2;
    /// Every defined bit.
    pub const ALL: u8 = Self::FROZEN | Self::DISPOSED;
}

// No padding: the zero-copy layout is the Borsh layout, and the account fits the 200 bytes.
const _: () =
    assert!(core::mem::size_of::<Property>() == 4 * 32 + PARCEL_ID_LEN + 2 * 8 + 3 * 4 + 2 * 2 + 8);
const _: () = assert!(Property::SPACE <= 200);

impl Property {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<Property>();

    /// Frozen by the registrar.
    pub fn is_frozen(&self) -> bool {
        self.flags & PropertyFlags::FROZEN != 0
    }

    /// Sold or demolished.
    pub fn is_disposed(&self) -> bool {
        self.flags & PropertyFlags::DISPOSED != 0
    }

    /// Freeze or unfreeze.
    pub fn set_frozen(&mut self, frozen: bool) {
        if frozen {
            self.flags |= PropertyFlags::FROZEN;
        } else {
            self.flags &= !PropertyFlags::FROZEN;
        }
    }

    /// Mark sold or demolished, for good.
    pub fn set_disposed(&mut self) {
        self.flags |= PropertyFlags::DISPOSED;
    }

    /// Take the next building record's sequence number, if the record was built for it.
    pub fn take_building_record(&mut self, sequence: u16) -> Result<()> {
        require!(
            sequence == self.building_records,
            TitlesError::RecordSequenceChanged
        );
        self.building_records = self
            .building_records
            .checked_add(1)
            .ok_or(TitlesError::BuildingRecordsFull)?;
        Ok(())
    }

    /// Rules that hold after every instruction that writes a property.
    pub fn invariant(&self) -> Result<()> {
        Self::check_fields(&self.parcel_id, self.kind, self.latitude, self.longitude)?;
        require!(
            self.occupancy <= 100 && self.condition <= 5,
            TitlesError::InvalidUpdate
        );
        require!(
            self.flags & !PropertyFlags::ALL == 0,
            TitlesError::InvalidUpdate
        );
        Ok(())
    }

    /// Identifying fields are well-formed.
    pub fn check_fields(
        parcel_id: &[u8; PARCEL_ID_LEN],
        kind: u8,
        latitude: i32,
        longitude: i32,
    ) -> Result<()> {
        require!(is_code(parcel_id), TitlesError::InvalidParcelId);
        require!(kind <= PropertyKind::FACILITY, TitlesError::InvalidKind);
        require!(
            latitude.unsigned_abs() <= 90_000_000 && longitude.unsigned_abs() <= 180_000_000,
            TitlesError::InvalidCoordinates
        );
        Ok(())
    }

    /// Fails unless the title may move (transfer or disposal): not disposed, not frozen, no active lien.
    pub fn require_movable(&self) -> Result<()> {
        require!(!self.is_disposed(), TitlesError::Disposed);
        require!(!self.is_frozen(), TitlesError::Frozen);
        require!(self.active_liens == 0, TitlesError::LienActive);
        Ok(())
    }

    /// Hand the title to `to`, extending its chain.
    pub fn transfer_to(&mut self, to: Pubkey) -> Result<()> {
        self.require_movable()?;
        require_keys_neq!(to, self.holder, TitlesError::SameHolder);
        self.holder = to;
        self.transfer_seq = self
            .transfer_seq
            .checked_add(1)
            .ok_or(TitlesError::TitleChainFull)?;
        Ok(())
    }
}
