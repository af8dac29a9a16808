use anchor_lang::prelude::*;

use crate::constants::{
    MAX_APPROVALS, MAX_REQUEST_AGE_SECONDS, MAX_TIERS, MAX_TIME_LOCK_SECONDS,
    MIN_REQUEST_AGE_SECONDS, POLICY_DECIMALS, WINDOW_SLICES,
};
use crate::errors::DisbursementError;

/// One approval tier: payments up to `max_amount` need `approvals` approvals and wait `time_lock_seconds`
/// after the last one.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct Tier {
    /// Largest amount (inclusive) this tier covers.
    pub max_amount: u64,
    /// Approvals needed, 1-3, from distinct approvers who are not the requester.
    pub approvals: u8,
    /// Seconds between the last approval and the earliest execution.
    pub time_lock_seconds: u32,
}

/// What an amount requires under a policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// Approvals needed.
    pub approvals: u8,
    /// Seconds of time lock after the approval that meets the requirement.
    pub time_lock_seconds: u32,
}

impl Requirement {
    /// The stricter of two requirements, field by field.
    pub fn stricter(self, other: Requirement) -> Requirement {
        Requirement {
            approvals: self.approvals.max(other.approvals),
            time_lock_seconds: self.time_lock_seconds.max(other.time_lock_seconds),
        }
    }
}

/// `amount` of a mint with `decimals`, in policy units ([`POLICY_DECIMALS`]): scaled up exactly, or
/// down rounding up, so that an amount never falls into a lower tier than its value.
#[inline(always)]
pub fn policy_units(amount: u64, decimals: u8) -> Result<u64> {
    const POW10: [u64; 20] = {
        let mut table = [1u64; 20];
        let mut i = 1;
        while i < 20 {
            table[i] = table[i - 1] * 10;
            i += 1;
        }
        table
    };
    let scale = |digits: u8| {
        POW10
            .get(usize::from(digits))
            .copied()
            .ok_or(DisbursementError::AmountOverflow)
    };
    if decimals <= POLICY_DECIMALS {
        amount
            .checked_mul(scale(POLICY_DECIMALS - decimals)?)
            .ok_or_else(|| DisbursementError::AmountOverflow.into())
    } else {
        Ok(amount.div_ceil(scale(decimals - POLICY_DECIMALS)?))
    }
}

/// Bytes that round the policy up to its 8-byte alignment.
const POLICY_PADDING: usize = (8 - (MAX_TIERS * 5 + 12) % 8) % 8;

/// An agency's approval policy, its spending limit per period and its payment sequence. Its amounts
/// are policy units ([`POLICY_DECIMALS`]), the same for every mint the agency pays in.
///
/// Zero-copy: propose, approve and execute read (and write) it in place. The tiers are stored as
/// three arrays, ordered with the other fields so that `repr(C)` leaves no padding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Policy {
    /// The agency (a budget program account).
    pub agency: Pubkey,
    /// Each tier's largest amount (inclusive), rising; the last tier in use covers `u64::MAX`.
    pub tier_max_amounts: [u64; MAX_TIERS],
    /// Most that may be paid in any span of one period (a rolling limit).
    pub period_limit: u64,
    /// Start of the current slice of the period (Unix time): slices are `period_seconds /
    /// WINDOW_SLICES` long, on a grid from the policy's creation.
    pub period_start: i64,
    /// Paid in the current slice and the `WINDOW_SLICES` before it: the sum of `slice_spent`.
    pub period_spent: u64,
    /// Paid in each slice, the current one first.
    pub slice_spent: [u64; WINDOW_SLICES + 1],
    /// The sequence the next proposal must carry: a retried proposal finds it used and fails.
    pub next_sequence: u64,
    /// Each tier's seconds between the last approval and the earliest execution.
    pub tier_time_locks: [u32; MAX_TIERS],
    /// Length of the spending period in seconds (a day, a week or 30 days).
    pub period_seconds: u32,
    /// Seconds a payment request may wait for execution after its proposal; then it expires.
    pub max_request_age_seconds: u32,
    /// Each tier's approvals needed, 1-3.
    pub tier_approvals: [u8; MAX_TIERS],
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the policy PDA.
    pub bump: u8,
    /// Tiers in use.
    pub tier_count: u8,
    /// 1: anyone may execute an approved, unlocked payment; 0: only a disbursing officer.
    pub anyone_may_execute: u8,
    /// Zero.
    pub reserved: [u8; POLICY_PADDING],
}

// No padding: the zero-copy layout is the Borsh layout.
const _: () = assert!(
    core::mem::size_of::<Policy>()
        == 32 + MAX_TIERS * 13 + (4 + WINDOW_SLICES + 1) * 8 + 4 + 4 + 4 + POLICY_PADDING
);

impl Policy {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<Policy>();

    /// The tiers in use.
    pub fn tiers(&self) -> Vec<Tier> {
        let (tiers, count) = self.tier_array();
        tiers[..count].to_vec()
    }

    /// The tiers as stored (unused ones zero) and how many are in use: no allocation, for the
    /// invariant every payment instruction checks.
    fn tier_array(&self) -> ([Tier; MAX_TIERS], usize) {
        let tiers = core::array::from_fn(|i| Tier {
            max_amount: self.tier_max_amounts[i],
            approvals: self.tier_approvals[i],
            time_lock_seconds: self.tier_time_locks[i],
        });
        (tiers, usize::from(self.tier_count).min(MAX_TIERS))
    }

    /// Replace the tiers; unused ones are zero.
    pub fn set_tiers(&mut self, tiers: &[Tier]) {
        self.tier_max_amounts = [0; MAX_TIERS];
        self.tier_approvals = [0; MAX_TIERS];
        self.tier_time_locks = [0; MAX_TIERS];
        for (i, tier) in tiers.iter().enumerate().take(MAX_TIERS) {
            self.tier_max_amounts[i] = tier.max_amount;
            self.tier_approvals[i] = tier.approvals;
            self.tier_time_locks[i] = tier.time_lock_seconds;
        }
        self.tier_count = tiers.len().min(MAX_TIERS) as u8;
    }

    /// Tiers are well-formed, the spending period is one the program knows, and a request lives
    /// between a day and a year and a day, longer than any tier's time lock.
    pub fn check(
        tiers: &[Tier],
        period_seconds: u32,
        period_limit: u64,
        max_request_age_seconds: u32,
    ) -> Result<()> {
        require!(
            !tiers.is_empty() && tiers.len() <= MAX_TIERS,
            DisbursementError::InvalidTiers
        );
        for (i, tier) in tiers.iter().enumerate() {
            require!(
                (1..=MAX_APPROVALS as u8).contains(&tier.approvals)
                    && tier.time_lock_seconds <= MAX_TIME_LOCK_SECONDS,
                DisbursementError::InvalidTiers
            );
            if let Some(next) = tiers.get(i + 1) {
                require!(
                    tier.max_amount < next.max_amount && tier.approvals <= next.approvals,
                    DisbursementError::InvalidTiers
                );
            }
        }
        require!(
            tiers[tiers.len() - 1].max_amount == u64::MAX,
            DisbursementError::InvalidTiers
        );
        require!(
            matches!(period_seconds, 86_400 | 604_800 | 2_592_000) && period_limit > 0,
            DisbursementError::InvalidPeriod
        );
        require!(
            (MIN_REQUEST_AGE_SECONDS..=MAX_REQUEST_AGE_SECONDS).contains(&max_request_age_seconds)
                && tiers
                    .iter()
                    .all(|t| t.time_lock_seconds < max_request_age_seconds),
            DisbursementError::InvalidRequestAge
        );
        Ok(())
    }

    /// The stored configuration (tiers, period, limit, request lifetime) is well-formed: checked by
    /// `policy_set`, its only writer.
    pub fn check_config(&self) -> Result<()> {
        require!(
            usize::from(self.tier_count) <= MAX_TIERS,
            DisbursementError::InvalidTiers
        );
        let (tiers, count) = self.tier_array();
        Self::check(
            &tiers[..count],
            self.period_seconds,
            self.period_limit,
            self.max_request_age_seconds,
        )
    }

    /// Rules that hold after every instruction that writes a policy's ledger (the sequence, the
    /// rolling window): the window's total is the sum of its slices. The configuration, which only
    /// `policy_set` writes, is checked there (`check_config`).
    pub fn invariant(&self) -> Result<()> {
        let spent = self
            .slice_spent
            .iter()
            .try_fold(0u64, |sum, s| sum.checked_add(*s))
            .ok_or(DisbursementError::AmountOverflow)?;
        require!(
            spent == self.period_spent,
            DisbursementError::InvariantViolated
        );
        Ok(())
    }

    /// What a payment of `amount` requires now.
    #[inline(always)]
    pub fn requirement(&self, amount: u64) -> Requirement {
        let count = usize::from(self.tier_count).clamp(1, MAX_TIERS);
        let i = self.tier_max_amounts[..count]
            .iter()
            .position(|&max| amount <= max)
            .unwrap_or(count - 1);
        Requirement {
            approvals: self.tier_approvals[i],
            time_lock_seconds: self.tier_time_locks[i],
        }
    }

    /// Fails unless `executor` may execute: anyone when the policy says so, otherwise a disbursing
    /// officer of `agency` whose membership is `member`.
    pub fn require_executor(
        &self,
        member: Option<&budget::state::Member>,
        agency: &Pubkey,
        executor: &Pubkey,
    ) -> Result<()> {
        if self.anyone_may_execute != 0 {
            return Ok(());
        }
        let member = member.ok_or(DisbursementError::MissingRole)?;
        require_keys_eq!(member.agency, *agency, DisbursementError::NotAMember);
        require_keys_eq!(member.member, *executor, DisbursementError::NotAMember);
        require!(
            member.has(budget::state::Role::DISBURSING_OFFICER),
            DisbursementError::MissingRole
        );
        Ok(())
    }

    /// When a request proposed at `proposed_at` and given until `expires_at` expires under this
    /// policy: the earlier of the two, so a policy shortened since then applies and a lengthened one
    /// never extends it.
    #[inline(always)]
    pub fn expiry(&self, proposed_at: i64, expires_at: i64) -> i64 {
        expires_at.min(proposed_at.saturating_add(i64::from(self.max_request_age_seconds)))
    }

    /// Fails when a request proposed at `proposed_at`, given until `expires_at`, has expired at `now`.
    #[inline(always)]
    pub fn require_unexpired(&self, proposed_at: i64, expires_at: i64, now: i64) -> Result<()> {
        let expiry = self.expiry(proposed_at, expires_at);
        if now > expiry {
            msg!(
                "the request expired {} seconds ago: propose it again",
                now - expiry
            );
            return err!(DisbursementError::RequestExpired);
        }
        Ok(())
    }

    /// What paying `amount` (policy units) against an obligation that paid `recent` base units (of a
    /// mint with `decimals`) in its current and previous window requires: the tier of the two together,
    /// so that splitting an award's payment within a period never needs less than paying it at once.
    #[inline(always)]
    pub fn split_requirement(&self, amount: u64, recent: u64, decimals: u8) -> Result<Requirement> {
        let recent = policy_units(recent, decimals)?;
        let basis = amount
            .checked_add(recent)
            .ok_or(DisbursementError::AmountOverflow)?;
        Ok(self.requirement(basis))
    }

    /// Take the next payment sequence, which `sequence` must equal.
    pub fn take_sequence(&mut self, sequence: u64) -> Result<()> {
        if sequence != self.next_sequence {
            msg!("expected sequence {}, got {}", self.next_sequence, sequence);
            return err!(DisbursementError::SequenceMismatch);
        }
        self.next_sequence = self
            .next_sequence
            .checked_add(1)
            .ok_or(DisbursementError::AmountOverflow)?;
        Ok(())
    }

    /// Move the window to the slice holding `now`: slices that fall out of it no longer count.
    #[inline(always)]
    pub fn roll_window(&mut self, now: i64) {
        let width = i64::from(self.period_seconds) / WINDOW_SLICES as i64;
        let elapsed = now.saturating_sub(self.period_start);
        if width <= 0 || elapsed < width {
            // The current slice (or a clock behind it, counted in it).
            return;
        }
        let steps = elapsed / width;
        self.period_start = self
            .period_start
            .saturating_add(steps.saturating_mul(width));
        let shift = usize::try_from(steps).map_or(WINDOW_SLICES + 1, |s| s.min(WINDOW_SLICES + 1));
        for i in (0..=WINDOW_SLICES).rev() {
            self.slice_spent[i] = i
                .checked_sub(shift)
                .map_or(0, |from| self.slice_spent[from]);
        }
        self.period_spent = self.slice_spent.iter().sum();
    }

    /// Count `amount` against the rolling limit at time `now`: what was paid in the current slice and
    /// the `WINDOW_SLICES` before it, plus `amount`, may not pass the limit. Any span of one period
    /// lies within `WINDOW_SLICES + 1` slices, so none holds more than the limit.
    #[inline(always)]
    pub fn record_spending(&mut self, amount: u64, now: i64) -> Result<()> {
        self.roll_window(now);
        let spent = self
            .period_spent
            .checked_add(amount)
            .ok_or(DisbursementError::AmountOverflow)?;
        if spent > self.period_limit {
            msg!(
                "period limit {}, spent {}, payment {}",
                self.period_limit,
                self.period_spent,
                amount
            );
            return err!(DisbursementError::PeriodLimitExceeded);
        }
        self.period_spent = spent;
        self.slice_spent[0] = self.slice_spent[0]
            .checked_add(amount)
            .ok_or(DisbursementError::AmountOverflow)?;
        Ok(())
    }
}
