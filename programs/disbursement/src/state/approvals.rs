//! The approval rules single and batch requests share: distinct approvers, never the requester, a
//! count toward the tier's requirement, and the time lock after the last approval.

use anchor_lang::prelude::*;

use crate::constants::MAX_APPROVALS;
use crate::errors::DisbursementError;
use crate::state::Requirement;

/// Approvals collected by a request.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct Approvals {
    /// Approvers so far, distinct; unused slots are `Pubkey::default()`.
    pub approvers: [Pubkey; MAX_APPROVALS],
    /// Approvals so far.
    pub count: u8,
    /// When the last approval came (Unix time); 0 before.
    pub last_at: i64,
}

impl Approvals {
    /// Add `approver`'s approval at `now`, toward `required`; never the `requester`, never twice.
    pub fn add(
        &mut self,
        approver: Pubkey,
        requester: &Pubkey,
        required: u8,
        now: i64,
    ) -> Result<()> {
        require_keys_neq!(
            approver,
            *requester,
            DisbursementError::RequesterCannotApprove
        );
        let count = usize::from(self.count);
        require!(
            !self.approvers[..count].contains(&approver),
            DisbursementError::AlreadyApproved
        );
        require!(
            self.count < required && count < MAX_APPROVALS,
            DisbursementError::FullyApproved
        );
        self.approvers[count] = approver;
        self.count = self
            .count
            .checked_add(1)
            .ok_or(DisbursementError::AmountOverflow)?;
        self.last_at = now;
        Ok(())
    }

    /// Fails unless `requirement` is met at `now`.
    pub fn require_met(&self, requirement: Requirement, now: i64) -> Result<()> {
        if self.count < requirement.approvals {
            msg!(
                "payment needs {} approvals, has {}",
                requirement.approvals,
                self.count
            );
            return err!(DisbursementError::NotEnoughApprovals);
        }
        let unlock = self
            .last_at
            .saturating_add(i64::from(requirement.time_lock_seconds));
        if now < unlock {
            msg!("payment is time-locked for {} more seconds", unlock - now);
            return err!(DisbursementError::TimeLocked);
        }
        Ok(())
    }

    /// Distinct approvers, none of them the requester.
    pub fn invariant(&self, requester: &Pubkey) -> Result<()> {
        require!(
            usize::from(self.count) <= MAX_APPROVALS,
            DisbursementError::FullyApproved
        );
        let used = &self.approvers[..usize::from(self.count)];
        for (i, approver) in used.iter().enumerate() {
            require_keys_neq!(
                *approver,
                *requester,
                DisbursementError::RequesterCannotApprove
            );
            require!(
                !used[..i].contains(approver),
                DisbursementError::AlreadyApproved
            );
        }
        Ok(())
    }
}
