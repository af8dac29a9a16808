use anchor_lang::prelude::*;

use crate::constants::{MAX_APPROVALS, MAX_TIERS, MAX_TIME_LOCK_SECONDS};
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

/// Bytes that round the policy up to its 8-byte alignment.
const POLICY_PADDING: usize = (8 - (MAX_TIERS * 5 + 8) % 8) % 8;

/// An agency's approval policy, its spending limit per period and its payment sequence.
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
    /// Most that may be paid in one period.
    pub period_limit: u64,
    /// Start of the current period (Unix time).
    pub period_start: i64,
    /// Paid in the current period.
    pub period_spent: u64,
    /// The sequence the next proposal must carry: a retried proposal finds it used and fails.
    pub next_sequence: u64,
    /// Each tier's seconds between the last approval and the earliest execution.
    pub tier_time_locks: [u32; MAX_TIERS],
    /// Length of the spending period in seconds (a day, a week or 30 days).
    pub period_seconds: u32,
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
const _: () =
    assert!(core::mem::size_of::<Policy>() == 32 + MAX_TIERS * 13 + 4 * 8 + 4 + 4 + POLICY_PADDING);

impl Policy {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<Policy>();

    /// The tiers in use.
    pub fn tiers(&self) -> Vec<Tier> {
        (0..usize::from(self.tier_count).min(MAX_TIERS))
            .map(|i| Tier {
                max_amount: self.tier_max_amounts[i],
                approvals: self.tier_approvals[i],
                time_lock_seconds: self.tier_time_locks[i],
            })
            .collect()
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

    /// Tiers are well-formed, and the spending period is one the program knows.
    pub fn check(tiers: &[Tier], period_seconds: u32, period_limit: u64) -> Result<()> {
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
        Ok(())
    }

    /// Rules that hold after every instruction that writes a policy.
    pub fn invariant(&self) -> Result<()> {
        let count = usize::from(self.tier_count);
        require!(count <= MAX_TIERS, DisbursementError::InvalidTiers);
        Self::check(&self.tiers(), self.period_seconds, self.period_limit)?;
        require!(
            self.period_spent <= self.period_limit,
            DisbursementError::PeriodLimitExceeded
        );
        Ok(())
    }

    /// What a payment of `amount` requires now.
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

    /// Count `amount` against the period's limit at time `now`, starting a new period when the current
    /// one is over.
    pub fn record_spending(&mut self, amount: u64, now: i64) -> Result<()> {
        let elapsed = now.saturating_sub(self.period_start);
        if elapsed >= i64::from(self.period_seconds) || elapsed < 0 {
            self.period_start = now;
            self.period_spent = 0;
        }
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
        Ok(())
    }
}
