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
    /// Seconds of time lock after the last approval.
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

/// An agency's approval policy, its spending limit per period and its payment sequence.
#[account]
#[derive(InitSpace)]
pub struct Policy {
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the policy PDA.
    pub bump: u8,
    /// The agency (a budget program account).
    pub agency: Pubkey,
    /// Tiers by rising `max_amount`; the last covers `u64::MAX`. Unused tiers are zero.
    pub tiers: [Tier; MAX_TIERS],
    /// Tiers in use.
    pub tier_count: u8,
    /// When set, anyone may execute an approved, unlocked payment; otherwise only a disbursing officer.
    pub anyone_may_execute: bool,
    /// Length of the spending period in seconds (a day, a week or 30 days).
    pub period_seconds: u32,
    /// Most that may be paid in one period.
    pub period_limit: u64,
    /// Start of the current period (Unix time).
    pub period_start: i64,
    /// Paid in the current period.
    pub period_spent: u64,
    /// The sequence the next proposal must carry: a retried proposal finds it used and fails.
    pub next_sequence: u64,
}

impl Policy {
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
        Self::check(&self.tiers[..count], self.period_seconds, self.period_limit)?;
        require!(
            self.period_spent <= self.period_limit,
            DisbursementError::PeriodLimitExceeded
        );
        Ok(())
    }

    /// What a payment of `amount` requires now.
    pub fn requirement(&self, amount: u64) -> Requirement {
        let tiers = &self.tiers[..usize::from(self.tier_count)];
        let tier = tiers
            .iter()
            .find(|t| amount <= t.max_amount)
            .unwrap_or(&tiers[tiers.len() - 1]);
        Requirement {
            approvals: tier.approvals,
            time_lock_seconds: tier.time_lock_seconds,
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
        if self.anyone_may_execute {
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
