use anchor_lang::prelude::*;

use crate::constants::{MAX_APPROVALS, REFERENCE_LEN};
use crate::errors::DisbursementError;
use crate::state::Requirement;

/// A payment request: proposed, approved by distinct approvers, executed once, then closed (its
/// history stays in the events). Its address carries the agency's sequence, so a retried proposal
/// cannot create a second one.
#[account]
#[derive(InitSpace)]
pub struct PaymentRequest {
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the request PDA.
    pub bump: u8,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number of this request.
    pub sequence: u64,
    /// The budget account paying.
    pub budget_account: Pubkey,
    /// The obligation paid against.
    pub obligation: Pubkey,
    /// The payee's token account.
    pub payee_token_account: Pubkey,
    /// Amount to pay.
    pub amount: u64,
    /// Who proposed it (never an approver of it).
    pub requester: Pubkey,
    /// Hash of the invoice or supporting document.
    pub document_hash: [u8; 32],
    /// Short reference, printable ASCII zero-padded (e.g. an invoice number).
    pub reference: [u8; REFERENCE_LEN],
    /// Approvals and time lock of the tier it was proposed under.
    pub required_approvals: u8,
    /// Seconds of time lock after the last approval, from the tier it was proposed under.
    pub time_lock_seconds: u32,
    /// Approvers so far, distinct; unused slots are `Pubkey::default()`.
    pub approvers: [Pubkey; MAX_APPROVALS],
    /// Approvals so far.
    pub approval_count: u8,
    /// When the request was proposed (Unix time).
    pub proposed_at: i64,
    /// When the last approval came (Unix time); 0 before.
    pub last_approval_at: i64,
}

impl PaymentRequest {
    /// Rules that hold after every instruction that writes a request.
    pub fn invariant(&self) -> Result<()> {
        require!(self.amount > 0, DisbursementError::ZeroAmount);
        require!(
            usize::from(self.approval_count) <= MAX_APPROVALS,
            DisbursementError::FullyApproved
        );
        let used = &self.approvers[..usize::from(self.approval_count)];
        for (i, approver) in used.iter().enumerate() {
            require_keys_neq!(
                *approver,
                self.requester,
                DisbursementError::RequesterCannotApprove
            );
            require!(
                !used[..i].contains(approver),
                DisbursementError::AlreadyApproved
            );
        }
        Ok(())
    }

    /// The requirement it was proposed under.
    pub fn requirement(&self) -> Requirement {
        Requirement {
            approvals: self.required_approvals,
            time_lock_seconds: self.time_lock_seconds,
        }
    }

    /// Add `approver`'s approval at time `now`, toward `required` approvals.
    pub fn approve(&mut self, approver: Pubkey, required: u8, now: i64) -> Result<()> {
        require_keys_neq!(
            approver,
            self.requester,
            DisbursementError::RequesterCannotApprove
        );
        let count = usize::from(self.approval_count);
        require!(
            !self.approvers[..count].contains(&approver),
            DisbursementError::AlreadyApproved
        );
        require!(
            self.approval_count < required && count < MAX_APPROVALS,
            DisbursementError::FullyApproved
        );
        self.approvers[count] = approver;
        self.approval_count += 1;
        self.last_approval_at = now;
        Ok(())
    }

    /// Fails unless the request meets `requirement` at time `now`.
    pub fn require_executable(&self, requirement: Requirement, now: i64) -> Result<()> {
        if self.approval_count < requirement.approvals {
            msg!(
                "payment needs {} approvals, has {}",
                requirement.approvals,
                self.approval_count
            );
            return err!(DisbursementError::NotEnoughApprovals);
        }
        let unlock = self
            .last_approval_at
            .saturating_add(i64::from(requirement.time_lock_seconds));
        if now < unlock {
            msg!("payment is time-locked for {} more seconds", unlock - now);
            return err!(DisbursementError::TimeLocked);
        }
        Ok(())
    }
}
