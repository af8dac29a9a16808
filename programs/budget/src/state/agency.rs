use anchor_lang::prelude::*;

use crate::constants::{AGENCY_CODE_LEN, NAME_LEN};
use crate::errors::BudgetError;
use crate::text::{is_code, is_name};

/// A government body with its own budget.
#[account]
#[derive(InitSpace)]
pub struct Agency {
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the agency PDA.
    pub bump: u8,
    /// Agency code, printable ASCII zero-padded (e.g. `075`); the PDA seed.
    pub code: [u8; AGENCY_CODE_LEN],
    /// Display name, UTF-8 zero-padded, for explorers.
    pub name: [u8; NAME_LEN],
    /// The agency's admin (a key or a multisig): grants and revokes roles.
    pub admin: Pubkey,
    /// Admin proposed in a two-step change; `Pubkey::default()` when none is pending.
    pub pending_admin: Pubkey,
    /// False once deactivated: no new members, budget accounts or obligations.
    pub active: bool,
}

impl Agency {
    /// Rules that hold after every instruction that writes an agency.
    pub fn invariant(&self) -> Result<()> {
        Self::check_fields(&self.code, &self.name, &self.admin)
    }

    /// An agency's identifying fields are well-formed.
    pub fn check_fields(
        code: &[u8; AGENCY_CODE_LEN],
        name: &[u8; NAME_LEN],
        admin: &Pubkey,
    ) -> Result<()> {
        require!(is_code(code), BudgetError::InvalidAgencyCode);
        require!(is_name(name), BudgetError::InvalidName);
        require_keys_neq!(*admin, Pubkey::default(), BudgetError::InvalidAddress);
        Ok(())
    }
}
