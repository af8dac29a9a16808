use anchor_lang::prelude::*;

use crate::constants::{MAX_CANCELLATION_YEARS, MAX_MINTS};
use crate::errors::BudgetError;

/// The treasury singleton: the central authority and the rules every agency shares.
#[account]
#[derive(InitSpace)]
pub struct Treasury {
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the treasury PDA.
    pub bump: u8,
    /// Central authority (a key or a multisig): registers agencies, rescinds and supplements, pauses.
    pub authority: Pubkey,
    /// Authority proposed in a two-step change; `Pubkey::default()` when none is pending.
    pub pending_authority: Pubkey,
    /// The disbursement program's authority PDA: the only signer that may request an outlay.
    pub disbursement_authority: Pubkey,
    /// Month (1-12) in which the fiscal year starts (10 for the US federal government).
    pub fiscal_year_start_month: u8,
    /// Years after expiry at which an appropriation is cancelled (5 under 31 U.S.C. 1552).
    pub cancellation_years: u8,
    /// When set, every outlay is refused.
    pub paused: bool,
    /// Mints payments may use; unused slots are `Pubkey::default()`.
    pub mints: [Pubkey; MAX_MINTS],
}

impl Treasury {
    /// Rules that hold after every instruction that writes the treasury.
    pub fn invariant(&self) -> Result<()> {
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
}
