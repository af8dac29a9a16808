use anchor_lang::prelude::*;

use crate::constants::{AGENCY_CODE_LEN, NAME_LEN};
use crate::errors::BudgetError;
use crate::text::{is_code, is_name};

/// A government body with its own budget.
///
/// Zero-copy: budget, disbursement and titles instructions check an agency (its admin, whether it is
/// active, that it is one) in place instead of deserialising it. The fields are ordered so that
/// `repr(C)` leaves no padding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Agency {
    /// The agency's admin (a key or a multisig): grants and revokes roles.
    pub admin: Pubkey,
    /// Admin proposed in a two-step change; `Pubkey::default()` when none is pending.
    pub pending_admin: Pubkey,
    /// Agency code, printable ASCII zero-padded (e.g. `075`); the PDA seed.
    pub code: [u8; AGENCY_CODE_LEN],
    /// Display name, UTF-8 zero-padded, for explorers.
    pub name: [u8; NAME_LEN],
    /// Budget accounts opened so far: each one's generation, so that a budget account closed and
    /// opened again at the same address (same TAS) is told apart from the one before.
    pub budget_accounts_opened: u32,
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the agency PDA.
    pub bump: u8,
    /// 1 while active; 0 once deactivated: no new members, budget accounts or obligations.
    pub active: u8,
    /// Zero; rounds the account up to its 4-byte alignment.
    pub reserved: [u8; AGENCY_PADDING],
}

/// Bytes that round the agency up to its 4-byte alignment.
const AGENCY_PADDING: usize = (4 - (2 * 32 + AGENCY_CODE_LEN + NAME_LEN + 4 + 3) % 4) % 4;

// No padding: two keys, the code and name bytes, the counter, three flags, the explicit rounding.
const _: () = assert!(
    core::mem::size_of::<Agency>() == 2 * 32 + AGENCY_CODE_LEN + NAME_LEN + 4 + 3 + AGENCY_PADDING
);

impl Agency {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<Agency>();

    /// False once deactivated.
    pub fn is_active(&self) -> bool {
        self.active != 0
    }

    /// Whether `info` is an active agency: the checks `AccountLoader` makes (owner, size,
    /// discriminator), once, then the flag's byte read in place. For instructions of other programs
    /// that only need to know that the agency is active.
    pub fn is_active_account(info: &AccountInfo) -> Result<bool> {
        require_keys_eq!(
            *info.owner,
            crate::ID,
            ErrorCode::AccountOwnedByWrongProgram
        );
        const ACTIVE: usize = 8 + core::mem::offset_of!(Agency, active);
        let data = info.try_borrow_data()?;
        require!(
            data.len() >= Self::SPACE && data.starts_with(Self::DISCRIMINATOR),
            ErrorCode::AccountDiscriminatorMismatch
        );
        Ok(data[ACTIVE] != 0)
    }

    /// Rules that hold after every instruction that writes an agency.
    pub fn invariant(&self) -> Result<()> {
        require!(self.active <= 1, BudgetError::InvariantViolated);
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
