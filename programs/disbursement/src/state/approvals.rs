//! The approval rules single and batch requests share: distinct approvers, never the requester, at
//! most [`MAX_APPROVALS`] (the most a tier can require), and a time lock that runs from the approval
//! that met the requirement.
//!
//! Approving does not read the policy: which tier applies (the one proposed under, or a stricter
//! current one) is decided once, at execution. An approval beyond what the tier asks is recorded and
//! changes nothing: the time lock still runs from the approval that met the requirement, and a policy
//! raised while the request waits can count it.

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
    /// When each approval came (Unix time), in the approvers' order; 0 for unused slots.
    pub approved_at: [i64; MAX_APPROVALS],
}

impl Approvals {
    /// These approvals, to change in place.
    pub fn as_mut(&mut self) -> ApprovalsMut<'_> {
        ApprovalsMut {
            approvers: &mut self.approvers,
            count: &mut self.count,
            approved_at: &mut self.approved_at,
        }
    }

    /// Fails unless `requirement` is met at `now`.
    #[inline(always)]
    pub fn require_met(&self, requirement: Requirement, now: i64) -> Result<()> {
        if self.count < requirement.approvals {
            msg!(
                "payment needs {} approvals, has {}",
                requirement.approvals,
                self.count
            );
            return err!(DisbursementError::NotEnoughApprovals);
        }
        // The time lock runs from the approval that met the requirement.
        let met_at = usize::from(requirement.approvals)
            .checked_sub(1)
            .and_then(|i| self.approved_at.get(i))
            .ok_or(DisbursementError::NotEnoughApprovals)?;
        let unlock = met_at.saturating_add(i64::from(requirement.time_lock_seconds));
        if now < unlock {
            msg!("payment is time-locked for {} more seconds", unlock - now);
            return err!(DisbursementError::TimeLocked);
        }
        Ok(())
    }
}

/// Approvals of a request or a batch, borrowed where they are stored: an approval changes them in
/// place instead of copying them out and back (about 60 compute units per approval).
pub struct ApprovalsMut<'a> {
    /// Approvers so far, distinct; unused slots are `Pubkey::default()`.
    pub approvers: &'a mut [Pubkey; MAX_APPROVALS],
    /// Approvals so far.
    pub count: &'a mut u8,
    /// When each approval came (Unix time); 0 for unused slots.
    pub approved_at: &'a mut [i64; MAX_APPROVALS],
}

impl ApprovalsMut<'_> {
    /// Add `approver`'s approval at `now`, at most [`MAX_APPROVALS`]. That it is never the
    /// requester's and never a second one of the same approver is the invariant's rule
    /// ([`check_approvers`]), which every approval checks right after (one pass, not two).
    #[inline(always)]
    pub fn add(&mut self, approver: &Pubkey, now: i64) -> Result<()> {
        let count = usize::from(*self.count);
        let (Some(slot), Some(at)) = (
            self.approvers.get_mut(count),
            self.approved_at.get_mut(count),
        ) else {
            return err!(DisbursementError::FullyApproved);
        };
        *slot = *approver;
        *at = now;
        // `count` indexed a slot, so it is below MAX_APPROVALS and one more fits a u8.
        *self.count = (count + 1) as u8;
        Ok(())
    }

    /// Remove `approver`'s approval; the later ones move up, keeping their times, so the time lock
    /// runs from the approval that meets the requirement among those that remain.
    pub fn remove(&mut self, approver: &Pubkey) -> Result<()> {
        let count = usize::from(*self.count);
        let i = self
            .approvers
            .get(..count)
            .and_then(|used| used.iter().position(|a| a == approver))
            .ok_or(DisbursementError::NoSuchApproval)?;
        self.approvers.copy_within(i + 1..count, i);
        self.approved_at.copy_within(i + 1..count, i);
        let last = count - 1;
        self.approvers[last] = Pubkey::default();
        self.approved_at[last] = 0;
        *self.count = last as u8;
        Ok(())
    }
}

/// The first `count` of `approvers` are distinct and none of them is the `requester`.
#[inline(always)]
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
