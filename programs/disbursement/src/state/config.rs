use anchor_lang::prelude::*;

use crate::errors::DisbursementError;

/// The program's config singleton.
#[account]
#[derive(InitSpace)]
pub struct Config {
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the config PDA.
    pub bump: u8,
    /// Bump of the authority PDA (`[SEED_AUTHORITY]`) that signs outlay CPIs into the budget program.
    pub authority_bump: u8,
    /// The program's admin (a key or a multisig).
    pub admin: Pubkey,
}

impl Config {
    /// Rules that hold after every instruction that writes the config.
    pub fn invariant(&self) -> Result<()> {
        require_keys_neq!(
            self.admin,
            Pubkey::default(),
            DisbursementError::InvalidAdmin
        );
        Ok(())
    }
}
