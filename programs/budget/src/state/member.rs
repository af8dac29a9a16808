use anchor_lang::prelude::*;

use crate::errors::BudgetError;

/// Role flags a member may hold in an agency; one member may hold several.
pub struct Role;

impl Role {
    /// Opens budget accounts and creates and adjusts obligations.
    pub const BUDGET_OFFICER: u8 = 1 << 0;
    /// Proposes payment requests (disbursement program).
    pub const REQUESTER: u8 = 1 << 1;
    /// Certifying officer: approves payment requests (disbursement program).
    pub const APPROVER: u8 = 1 << 2;
    /// Executes approved payments (disbursement program).
    pub const DISBURSING_OFFICER: u8 = 1 << 3;
    /// Registers and transfers the agency's property (titles program).
    pub const PROPERTY_OFFICER: u8 = 1 << 4;
    /// Every defined flag.
    pub const ALL: u8 = (1 << 5) - 1;
}

/// A key's roles in one agency.
///
/// Zero-copy: every payment, title and budget-officer instruction reads a membership, in place
/// instead of deserialising it. The fields are ordered so that `repr(C)` leaves no padding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Member {
    /// The agency.
    pub agency: Pubkey,
    /// The member's key (a wallet, hardware wallet or multisig).
    pub member: Pubkey,
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the member PDA.
    pub bump: u8,
    /// Role flags (see [`Role`]); 0 once every role is revoked.
    pub roles: u8,
}

const _: () = assert!(core::mem::size_of::<Member>() == 67);

impl Member {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<Member>();

    /// True when the member holds every flag of `role`.
    pub fn has(&self, role: u8) -> bool {
        role != 0 && self.roles & role == role
    }

    /// Rules that hold after every instruction that writes a member.
    pub fn invariant(&self) -> Result<()> {
        require!(self.roles & !Role::ALL == 0, BudgetError::InvalidRoles);
        Ok(())
    }
}
