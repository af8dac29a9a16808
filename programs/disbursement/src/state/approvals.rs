//! The approval rules single and batch requests share: distinct approvers, never the requester, a
//! count toward the tier's requirement, and the time lock after the last approval.

use anchor_lang::prelude::*;

use crate::constants::MAX_APPROVALS;
use crate::errors::DisbursementError;
use crate::state::Requirement;

/// Approvals collected by a batch (a single request keeps the same three fields in its zero-copy
/// layout and lends them through [`ApprovalsMut`]).
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
    /// These approvals, to change in place.
    pub fn as_mut(&mut self) -> ApprovalsMut<'_> {
        ApprovalsMut {
            approvers: &mut self.approvers,
            count: &mut self.count,
            last_at: &mut self.last_at,
        }
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
        check_approvers(&self.approvers, self.count, requester)
    }
}

/// Approvals of a request or a batch, borrowed where they are stored: an approval changes them in
/// place instead of copying them out and back (about 60 compute units per approval).
pub struct ApprovalsMut<'a> {
    /// Approvers so far, distinct; unused slots are `Pubkey::default()`.
    pub approvers: &'a mut [Pubkey; MAX_APPROVALS],
    /// Approvals so far.
    pub count: &'a mut u8,
    /// When the last approval came (Unix time); 0 before.
    pub last_at: &'a mut i64,
}

impl ApprovalsMut<'_> {
    /// Add `approver`'s approval at `now`, toward `required`; never the `requester`, never twice.
    pub fn add(
        &mut self,
        approver: &Pubkey,
        requester: &Pubkey,
        required: u8,
        now: i64,
    ) -> Result<()> {
        require_keys_neq!(
            *approver,
            *requester,
            DisbursementError::RequesterCannotApprove
        );
        let count = usize::from(*self.count);
        let used = self
            .approvers
            .get(..count)
            .ok_or(DisbursementError::FullyApproved)?;
        require!(
            !used.contains(approver),
            DisbursementError::AlreadyApproved
        );
        require!(*self.count < required, DisbursementError::FullyApproved);
        let slot = self
            .approvers
            .get_mut(count)
            .ok_or(DisbursementError::FullyApproved)?;
        *slot = *approver;
        *self.count = self
            .count
            .checked_add(1)
            .ok_or(DisbursementError::AmountOverflow)?;
        *self.last_at = now;
        Ok(())
    }

    /// Distinct approvers, none of them the requester.
    pub fn invariant(&self, requester: &Pubkey) -> Result<()> {
        check_approvers(self.approvers, *self.count, requester)
    }
}

/// The first `count` of `approvers` are distinct and none of them is the `requester`.
pub fn check_approvers(
    approvers: &[Pubkey; MAX_APPROVALS],
    count: u8,
    requester: &Pubkey,
) -> Result<()> {
    let used = approvers
        .get(..usize::from(count))
        .ok_or(DisbursementError::FullyApproved)?;
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
