use anchor_lang::prelude::*;

use crate::constants::{MAX_CANCELLATION_YEARS, MAX_MINTS};
use crate::errors::BudgetError;

/// The treasury singleton: the central authority and the rules every agency shares.
///
/// Zero-copy: every outlay and most budget instructions read it in place. The fields are ordered so
/// that `repr(C)` leaves no padding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Treasury {
    /// Central authority (a key or a multisig): registers agencies, rescinds and supplements, pauses.
    pub authority: Pubkey,
    /// Authority proposed in a two-step change; `Pubkey::default()` when none is pending.
    pub pending_authority: Pubkey,
    /// The disbursement program's authority PDA: the only signer that may request an outlay.
    pub disbursement_authority: Pubkey,
    /// Mints payments may use; unused slots are `Pubkey::default()`.
    pub mints: [Pubkey; MAX_MINTS],
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the treasury PDA.
    pub bump: u8,
    /// Month (1-12) in which the fiscal year starts (10 for the US federal government).
    pub fiscal_year_start_month: u8,
    /// Years after expiry at which an appropriation is cancelled (5 under 31 U.S.C. 1552).
    pub cancellation_years: u8,
    /// 1 while paused: every outlay is refused; 0 otherwise.
    pub paused: u8,
}

// No padding: three keys, the mints, five single bytes.
const _: () = assert!(core::mem::size_of::<Treasury>() == (3 + MAX_MINTS) * 32 + 5);

impl Treasury {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<Treasury>();

    /// True while outlays are refused.
    pub fn is_paused(&self) -> bool {
        self.paused != 0
    }

    /// Rules that hold after every instruction that writes the treasury.
    pub fn invariant(&self) -> Result<()> {
        require!(self.paused <= 1, BudgetError::InvariantViolated);
        Self::check_settings(
            self.fiscal_year_start_month,
            self.cancellation_years,
            &self.disbursement_authority,
        )?;
        require_keys_neq!(
            self.authority,
            Pubkey::default(),
            BudgetError::InvalidAddress
        );
        Ok(())
    }

    /// The treasury's settings are sane: a month of the year, a cancellation period the law knows,
    /// and a real disbursement authority.
    pub fn check_settings(
        fiscal_year_start_month: u8,
        cancellation_years: u8,
        disbursement_authority: &Pubkey,
    ) -> Result<()> {
        require!(
            (1..=12).contains(&fiscal_year_start_month),
            BudgetError::InvalidFiscalYearStartMonth
        );
        require!(
            (1..=MAX_CANCELLATION_YEARS).contains(&cancellation_years),
            BudgetError::InvalidCancellationYears
        );
        require_keys_neq!(
            *disbursement_authority,
            Pubkey::default(),
            BudgetError::InvalidDisbursementAuthority
        );
        Ok(())
    }

    /// True when `mint` may be used for payments.
    pub fn allows_mint(&self, mint: &Pubkey) -> bool {
        *mint != Pubkey::default() && self.mints.contains(mint)
    }

    /// Add `mint` to the allowed list.
    pub fn add_mint(&mut self, mint: Pubkey) -> Result<()> {
        require!(!self.allows_mint(&mint), BudgetError::MintAlreadyAllowed);
        let slot = self
            .mints
            .iter_mut()
            .find(|m| **m == Pubkey::default())
            .ok_or(BudgetError::TooManyMints)?;
        *slot = mint;
        Ok(())
    }

    /// The fiscal year the clock is in.
    pub fn current_fiscal_year(&self, clock: &Clock) -> u16 {
        crate::fiscal::fiscal_year(clock.unix_timestamp, self.fiscal_year_start_month)
    }

    /// The fiscal year the cluster's clock is in now, by the treasury `treasury`'s calendar.
    pub fn fiscal_year_now(treasury: &AccountLoader<Treasury>) -> Result<u16> {
        Ok(treasury.load()?.current_fiscal_year(&Clock::get()?))
    }
}
