use anchor_lang::prelude::*;

use crate::constants::REFERENCE_LEN;
use crate::errors::DisbursementError;
use crate::state::{Approvals, Requirement};

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
    /// Approvals so far.
    pub approvals: Approvals,
    /// When the request was proposed (Unix time).
    pub proposed_at: i64,
}

impl PaymentRequest {
    /// Rules that hold after every instruction that writes a request.
    pub fn invariant(&self) -> Result<()> {
        require!(self.amount > 0, DisbursementError::ZeroAmount);
        self.approvals.invariant(&self.requester)
    }

    /// The requirement it was proposed under.
    pub fn requirement(&self) -> Requirement {
        Requirement {
            approvals: self.required_approvals,
            time_lock_seconds: self.time_lock_seconds,
        }
    }
}
