use anchor_lang::prelude::*;

use crate::constants::{JURISDICTION_LEN, NAME_LEN};
use crate::errors::TitlesError;
use budget::text::{is_code, is_name};

/// A land registry for one jurisdiction.
///
/// Zero-copy: registering a property reads the registrar and counts the property in place, instead
/// of deserialising the registry and writing it back. The fields are ordered so that `repr(C)` leaves
/// no padding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Registry {
    /// Properties registered so far.
    pub property_count: u64,
    /// The registrar: authorises lien holders, freezes titles, registers property.
    pub registrar: Pubkey,
    /// Registrar proposed in a two-step change; `Pubkey::default()` when none is pending.
    pub pending_registrar: Pubkey,
    /// Jurisdiction code, printable ASCII zero-padded (the PDA seed).
    pub jurisdiction: [u8; JURISDICTION_LEN],
    /// Display name, UTF-8 zero-padded.
    pub name: [u8; NAME_LEN],
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the registry PDA.
    pub bump: u8,
    /// Zero; rounds the registry up to its 8-byte alignment.
    pub reserved: [u8; 6],
}

const _: () = assert!(core::mem::size_of::<Registry>() == 120);

impl Registry {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<Registry>();

    /// Rules that hold after every instruction that writes a registry.
    pub fn invariant(&self) -> Result<()> {
        Self::check_fields(&self.jurisdiction, &self.name, &self.registrar)
    }

    /// A registry's identifying fields are well-formed.
    pub fn check_fields(
        jurisdiction: &[u8; JURISDICTION_LEN],
        name: &[u8; NAME_LEN],
        registrar: &Pubkey,
    ) -> Result<()> {
        require!(is_code(jurisdiction), TitlesError::InvalidJurisdiction);
        require!(is_name(name), TitlesError::InvalidName);
        require_keys_neq!(*registrar, Pubkey::default(), TitlesError::InvalidRegistrar);
        Ok(())
    }
}
