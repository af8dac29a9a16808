use anchor_lang::prelude::*;

use crate::constants::{MIN_FISCAL_YEAR, NO_YEAR, TAS_LEN};
use crate::errors::BudgetError;
use crate::text::is_code;

/// Where an appropriation stands in the law of appropriations, for a given fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// Before its first fiscal year: nothing may be obligated yet.
    NotYetAvailable,
    /// Within its period: new obligations, adjustments and outlays.
    Open,
    /// After its period: no new obligations; existing ones may be adjusted and paid.
    Expired,
    /// Past the cancellation date: nothing more is paid; the balance returns to the treasury.
    Cancelled,
}

/// An appropriation: spending authority for an agency under a TAS, with its token vault.
///
/// Zero-copy: every obligation, proposal and outlay reads it, and an outlay writes it, in place. The
/// fields are ordered so that `repr(C)` leaves no padding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct BudgetAccount {
    /// Budget authority: the most that may be obligated.
    pub authorized: u64,
    /// Sum of the obligations' amounts.
    pub obligated: u64,
    /// Sum of outlays, net of recoveries.
    pub disbursed: u64,
    /// Total deposited into the vault through `budget_account_fund`.
    pub funded: u64,
    /// Total returned to the treasury at cancellation.
    pub returned: u64,
    /// The agency the appropriation belongs to.
    pub agency: Pubkey,
    /// The payment mint of the vault.
    pub mint: Pubkey,
    /// The vault: a token account of `mint` whose authority is this account.
    pub vault: Pubkey,
    /// Treasury Account Symbol, printable ASCII zero-padded; a PDA seed.
    pub tas: [u8; TAS_LEN],
    /// Obligations that exist (created and not closed).
    pub open_obligations: u32,
    /// Which budget account of its agency this is (the agency's count when it was opened): a
    /// payment request binds to it, so that one proposed against an account since closed never pays
    /// from the account opened again at its address.
    pub generation: u32,
    /// Obligations created against it so far: each one's generation.
    pub obligations_created: u32,
    /// First fiscal year of availability.
    pub first_fiscal_year: u16,
    /// Last fiscal year of availability; `NO_YEAR` (0) for a no-year appropriation.
    pub last_fiscal_year: u16,
    /// Years after expiry at which the account is cancelled (the treasury's rule when opened).
    pub cancellation_years: u8,
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the budget account PDA (the vault's authority, signing its transfers).
    pub bump: u8,
    /// The mint's decimals (fixed for a mint's life), so that the disbursement program can put an
    /// amount into policy units without reading the mint.
    pub decimals: u8,
    /// Zero; rounds the account up to its 8-byte alignment.
    pub reserved: [u8; BUDGET_ACCOUNT_PADDING],
}

/// Bytes that round the budget account up to its 8-byte alignment.
const BUDGET_ACCOUNT_PADDING: usize = (8 - (5 * 8 + 3 * 32 + TAS_LEN + 3 * 4 + 2 * 2 + 4) % 8) % 8;

const _: () = assert!(
    core::mem::size_of::<BudgetAccount>()
        == 5 * 8 + 3 * 32 + TAS_LEN + 3 * 4 + 2 * 2 + 4 + BUDGET_ACCOUNT_PADDING
);
// The limit for a budget account.
const _: () = assert!(BudgetAccount::SPACE <= 200);

impl BudgetAccount {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<BudgetAccount>();

    /// `disbursed <= obligated <= authorized`, the vault's books balance, and the period is sane.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.disbursed <= self.obligated && self.obligated <= self.authorized,
            BudgetError::InvariantViolated
        );
        let spent = self
            .disbursed
            .checked_add(self.returned)
            .ok_or(BudgetError::InvariantViolated)?;
        require!(spent <= self.funded, BudgetError::InvariantViolated);
        Self::check_identity(&self.tas, self.first_fiscal_year, self.last_fiscal_year)
    }

    /// A TAS and a period of availability are well-formed.
    pub fn check_identity(
        tas: &[u8; TAS_LEN],
        first_fiscal_year: u16,
        last_fiscal_year: u16,
    ) -> Result<()> {
        require!(is_code(tas), BudgetError::InvalidTas);
        require!(
            first_fiscal_year >= MIN_FISCAL_YEAR
                && (last_fiscal_year == NO_YEAR || last_fiscal_year >= first_fiscal_year),
            BudgetError::InvalidPeriod
        );
        Ok(())
    }

    /// Tokens the books say the vault holds: funded, less net outlays, less what was returned.
    pub fn expected_vault_balance(&self) -> u64 {
        self.funded
            .saturating_sub(self.disbursed)
            .saturating_sub(self.returned)
    }

    /// The account's standing in fiscal year `fy`.
    pub fn availability(&self, fy: u16) -> Availability {
        if fy < self.first_fiscal_year {
            return Availability::NotYetAvailable;
        }
        if self.last_fiscal_year == NO_YEAR || fy <= self.last_fiscal_year {
            return Availability::Open;
        }
        // Cancelled on the first day of the fiscal year after the cancellation period.
        let last_expired = u32::from(self.last_fiscal_year) + u32::from(self.cancellation_years);
        if u32::from(fy) <= last_expired {
            Availability::Expired
        } else {
            Availability::Cancelled
        }
    }

    /// Fails unless the account takes new obligations in `fy`.
    pub fn require_open(&self, fy: u16) -> Result<()> {
        match self.availability(fy) {
            Availability::Open => Ok(()),
            Availability::Cancelled => err!(BudgetError::AccountCancelled),
            _ => err!(BudgetError::AccountNotOpen),
        }
    }

    /// Fails when the account is cancelled in `fy` (nothing more is paid or adjusted).
    pub fn require_not_cancelled(&self, fy: u16) -> Result<()> {
        require!(
            self.availability(fy) != Availability::Cancelled,
            BudgetError::AccountCancelled
        );
        Ok(())
    }

    /// Authority not yet obligated.
    pub fn unobligated(&self) -> u64 {
        self.authorized.saturating_sub(self.obligated)
    }

    /// Record a deposit of `amount` into the vault.
    pub fn record_funding(&mut self, amount: u64) -> Result<()> {
        require!(amount > 0, BudgetError::ZeroAmount);
        self.funded = self
            .funded
            .checked_add(amount)
            .ok_or(BudgetError::AmountOverflow)?;
        Ok(())
    }

    /// Set the authority to `authorized` (a supplement or a rescission), never below what is obligated.
    pub fn set_authorized(&mut self, authorized: u64) -> Result<()> {
        require!(
            authorized >= self.obligated,
            BudgetError::RescissionBelowObligated
        );
        self.authorized = authorized;
        Ok(())
    }

    /// Obligate `amount` more of the account's authority.
    pub fn record_obligation(&mut self, amount: u64) -> Result<()> {
        require!(amount > 0, BudgetError::ZeroAmount);
        require!(
            amount <= self.unobligated(),
            BudgetError::ExceedsUnobligatedAuthority
        );
        self.obligated = self
            .obligated
            .checked_add(amount)
            .ok_or(BudgetError::AmountOverflow)?;
        Ok(())
    }

    /// Release `amount` of obligated authority (a deobligation).
    pub fn release_obligation(&mut self, amount: u64) -> Result<()> {
        self.obligated = self
            .obligated
            .checked_sub(amount)
            .ok_or(BudgetError::InvariantViolated)?;
        Ok(())
    }

    /// Record an outlay of `amount` out of the vault.
    pub fn record_outlay(&mut self, amount: u64) -> Result<()> {
        self.disbursed = self
            .disbursed
            .checked_add(amount)
            .ok_or(BudgetError::AmountOverflow)?;
        Ok(())
    }

    /// Record a recovery of `amount` back into the vault.
    pub fn record_recovery(&mut self, amount: u64) -> Result<()> {
        self.disbursed = self
            .disbursed
            .checked_sub(amount)
            .ok_or(BudgetError::InvariantViolated)?;
        Ok(())
    }

    /// Record the return of `amount` to the treasury at cancellation.
    pub fn record_return(&mut self, amount: u64) -> Result<()> {
        self.returned = self
            .returned
            .checked_add(amount)
            .ok_or(BudgetError::AmountOverflow)?;
        Ok(())
    }
}
