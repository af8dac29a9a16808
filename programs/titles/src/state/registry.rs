use anchor_lang::prelude::*;

use crate::constants::{JURISDICTION_LEN, NAME_LEN};
use crate::errors::TitlesError;
use budget::text::{is_code, is_name};

/// A land registry for one jurisdiction.
#[account]
#[derive(InitSpace)]
pub struct Registry {
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the registry PDA.
    pub bump: u8,
    /// Jurisdiction code, printable ASCII zero-padded (the PDA seed).
    pub jurisdiction: [u8; JURISDICTION_LEN],
    /// Display name, UTF-8 zero-padded.
    pub name: [u8; NAME_LEN],
    /// The registrar: authorises lien holders, freezes titles, registers property.
    pub registrar: Pubkey,
    /// Registrar proposed in a two-step change; `Pubkey::default()` when none is pending.
    pub pending_registrar: Pubkey,
    /// Properties registered so far.
    pub property_count: u64,
}

impl Registry {
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
