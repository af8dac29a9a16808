use anchor_lang::prelude::*;

use crate::constants::LIEN_ID_LEN;

/// A lien holder the registrar has authorised to record liens in a registry.
///
/// Zero-copy: `lien_record` checks it in place. No padding under `repr(C)`.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct LienHolder {
    /// The registry.
    pub registry: Pubkey,
    /// The lien holder's key.
    pub holder: Pubkey,
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the authorisation PDA.
    pub bump: u8,
    /// 1 while authorised; 0 once the registrar revokes it (its recorded liens stay until released).
    pub active: u8,
}

const _: () = assert!(core::mem::size_of::<LienHolder>() == 67);

impl LienHolder {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<LienHolder>();

    /// True while the registrar's authorisation stands.
    pub fn is_active(&self) -> bool {
        self.active != 0
    }
}

/// A claim on a property that blocks its transfer until released.
///
/// Zero-copy, created in place by `lien_record`; no padding under `repr(C)`, so the bytes are also
/// its Borsh encoding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Lien {
    /// The property encumbered.
    pub property: Pubkey,
    /// The lien holder.
    pub holder: Pubkey,
    /// Hash of the lien document.
    pub document_hash: [u8; 32],
    /// The holder's id of the lien (printable ASCII, zero-padded); a PDA seed.
    pub lien_id: [u8; LIEN_ID_LEN],
    /// Amount secured.
    pub amount: u64,
    /// When it was recorded (Unix time).
    pub recorded_at: i64,
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the lien PDA.
    pub bump: u8,
    /// Zero.
    pub reserved: [u8; 6],
}

// No padding: the zero-copy layout is the Borsh layout.
const _: () = assert!(core::mem::size_of::<Lien>() == 3 * 32 + LIEN_ID_LEN + 2 * 8 + 8);

impl Lien {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<Lien>();
}
