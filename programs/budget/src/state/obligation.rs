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
    /// Start of the current payment window (Unix time, 0 before the first outlay): windows are the
    /// payer's spending period long (the disbursement policy's), on a grid from the first outlay.
    pub window_start: u32,
    /// Paid in the current window.
    pub paid_this_window: u64,
    /// Paid in the window before it.
    pub paid_last_window: u64,
}

const _: () = assert!(
    core::mem::size_of::<Obligation>()
        == 2 * 8 + 2 * 32 + AWARD_ID_LEN + PAYEE_ID_LEN + 4 + 2 + 2 + 4 + 2 * 8
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

    /// The window at `now` for windows of `window_seconds`: its start, what was paid in the window
    /// before and in this one.
    #[inline(always)]
    fn window_at(&self, now: i64, window_seconds: u32) -> (i64, u64, u64) {
        let start = i64::from(self.window_start);
        let width = i64::from(window_seconds);
        let elapsed = now.saturating_sub(start);
        if self.window_start == 0 || width == 0 || elapsed >= width.saturating_mul(2) {
            (now, 0, 0)
        } else if elapsed >= width {
            (start.saturating_add(width), self.paid_this_window, 0)
        } else {
            (start, self.paid_last_window, self.paid_this_window)
        }
    }

    /// Paid in the current window and the one before at `now`: what a payment's tier adds its amount
    /// to, so that an award paid in parts within a period needs what it would need paid at once. Any span
    /// of one window lies within these two.
    #[inline(always)]
    pub fn paid_recently(&self, now: i64, window_seconds: u32) -> u64 {
        let (_, last, this) = self.window_at(now, window_seconds);
        last.saturating_add(this)
    }

    /// Count an outlay of `amount` at `now` in the payment window.
    #[inline(always)]
    pub fn record_window_payment(
        &mut self,
        amount: u64,
        now: i64,
        window_seconds: u32,
    ) -> Result<()> {
        let (start, last, this) = self.window_at(now, window_seconds);
        self.window_start = u32::try_from(start).map_err(|_| BudgetError::AmountOverflow)?;
        self.paid_last_window = last;
        self.paid_this_window = this
            .checked_add(amount)
            .ok_or(BudgetError::AmountOverflow)?;
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
