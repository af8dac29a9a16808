use anchor_lang::prelude::*;

use crate::constants::{AWARD_ID_LEN, PAYEE_ID_LEN};
use crate::errors::BudgetError;
use crate::text::is_code;

/// A binding commitment to pay a payee under an award, against one budget account.
///
/// Zero-copy: every proposal reads it and every outlay writes it, in place. The fields are ordered
/// so that `repr(C)` leaves no padding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Obligation {
    /// Amount obligated.
    pub obligated: u64,
    /// Outlays against it, net of recoveries.
    pub disbursed: u64,
    /// The budget account it is charged to.
    pub budget_account: Pubkey,
    /// The payee's wallet: outlays go only to token accounts it owns.
    pub payee: Pubkey,
    /// Award id (PIID or FAIN), printable ASCII zero-padded; a PDA seed.
    pub award_id: [u8; AWARD_ID_LEN],
    /// The payee's id (UEI), printable ASCII zero-padded.
    pub payee_id: [u8; PAYEE_ID_LEN],
    /// Which obligation of its budget account this is (the account's count when it was created): a
    /// payment request binds to it, so that one proposed against an obligation since closed never
    /// pays against the one created again under the same award id.
    pub generation: u32,
    /// Object class: what the money buys (2-4 digit code).
    pub object_class: u16,
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the obligation PDA.
    pub bump: u8,
    /// Zero; rounds the account up to its 8-byte alignment.
    pub reserved: [u8; OBLIGATION_PADDING],
}

/// Bytes that round the obligation up to its 8-byte alignment.
const OBLIGATION_PADDING: usize = (8 - (AWARD_ID_LEN + PAYEE_ID_LEN + 4 + 2 + 2) % 8) % 8;

const _: () = assert!(
    core::mem::size_of::<Obligation>()
        == 2 * 8 + 2 * 32 + AWARD_ID_LEN + PAYEE_ID_LEN + 4 + 2 + 2 + OBLIGATION_PADDING
);
// The limit for an obligation.
const _: () = assert!(Obligation::SPACE <= 160);

impl Obligation {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<Obligation>();

    /// `disbursed <= obligated`, and the identifying fields are well-formed.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.disbursed <= self.obligated,
            BudgetError::InvariantViolated
        );
        Self::check_fields(
            &self.award_id,
            &self.payee,
            &self.payee_id,
            self.object_class,
        )
    }

    /// An obligation's identifying fields are well-formed.
    pub fn check_fields(
        award_id: &[u8; AWARD_ID_LEN],
        payee: &Pubkey,
        payee_id: &[u8; PAYEE_ID_LEN],
        object_class: u16,
    ) -> Result<()> {
        require!(is_code(award_id), BudgetError::InvalidAwardId);
        require!(is_code(payee_id), BudgetError::InvalidPayeeId);
        require_keys_neq!(*payee, Pubkey::default(), BudgetError::InvalidAddress);
        require!(
            (10..=9999).contains(&object_class),
            BudgetError::InvalidObjectClass
        );
        Ok(())
    }

    /// Amount still to be paid.
    pub fn undisbursed(&self) -> u64 {
        self.obligated.saturating_sub(self.disbursed)
    }

    /// Obligate `amount` more.
    pub fn increase(&mut self, amount: u64) -> Result<()> {
        require!(amount > 0, BudgetError::ZeroAmount);
        self.obligated = self
            .obligated
            .checked_add(amount)
            .ok_or(BudgetError::AmountOverflow)?;
        Ok(())
    }

    /// Deobligate `amount`, never below what was paid.
    pub fn decrease(&mut self, amount: u64) -> Result<()> {
        require!(amount > 0, BudgetError::ZeroAmount);
        require!(
            amount <= self.undisbursed(),
            BudgetError::DeobligationBelowDisbursed
        );
        self.obligated = self
            .obligated
            .checked_sub(amount)
            .ok_or(BudgetError::InvariantViolated)?;
        Ok(())
    }

    /// Record an outlay of `amount`, never past the obligated amount.
    pub fn record_outlay(&mut self, amount: u64) -> Result<()> {
        require!(amount > 0, BudgetError::ZeroAmount);
        require!(amount <= self.undisbursed(), BudgetError::ExceedsObligation);
        self.disbursed = self
            .disbursed
            .checked_add(amount)
            .ok_or(BudgetError::AmountOverflow)?;
        Ok(())
    }

    /// Record a recovery of `amount`, never more than was paid.
    pub fn record_recovery(&mut self, amount: u64) -> Result<()> {
        require!(amount > 0, BudgetError::ZeroAmount);
        require!(
            amount <= self.disbursed,
            BudgetError::RecoveryExceedsDisbursed
        );
        self.disbursed = self
            .disbursed
            .checked_sub(amount)
            .ok_or(BudgetError::InvariantViolated)?;
        Ok(())
    }
}
