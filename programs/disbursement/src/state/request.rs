use anchor_lang::prelude::*;

use crate::constants::{MAX_APPROVALS, REFERENCE_LEN};
use crate::errors::DisbursementError;
use crate::state::{check_approvers, Approvals, ApprovalsMut, Requirement};

/// A payment request: proposed, approved by distinct approvers, executed once, then closed (its
/// history stays in the events). Its address carries the agency's sequence, so a retried proposal
/// cannot create a second one.
///
/// Zero-copy: approve, reject, cancel and execute read it in place instead of deserialising it and
/// writing it back. The fields are ordered so that `repr(C)` leaves no padding: the bytes are also its
/// Borsh encoding.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct PaymentRequest {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account paying.
    pub budget_account: Pubkey,
    /// The obligation paid against.
    pub obligation: Pubkey,
    /// The payee's token account.
    pub payee_token_account: Pubkey,
    /// Who proposed it (never an approver of it).
    pub requester: Pubkey,
    /// Hash of the invoice or supporting document.
    pub document_hash: [u8; 32],
    /// Approvers so far, distinct, in order; unused slots are `Pubkey::default()`.
    pub approvers: [Pubkey; MAX_APPROVALS],
    /// The agency's payment sequence number of this request.
    pub sequence: u64,
    /// Amount to pay, in the mint's base units.
    pub amount: u64,
    /// The amount in policy units (`policy::policy_units`): what its tier and the period limit count.
    pub policy_amount: u64,
    /// When the request was proposed (Unix time).
    pub proposed_at: i64,
    /// When it expires unexecuted (Unix time): its proposal plus the policy's request lifetime then
    /// (a policy shortened since applies too).
    pub expires_at: i64,
    /// When each approval came (Unix time), in the approvers' order; 0 for unused slots.
    pub approved_at: [i64; MAX_APPROVALS],
    /// Short reference, printable ASCII zero-padded (e.g. an invoice number).
    pub reference: [u8; REFERENCE_LEN],
    /// Seconds of time lock after the approval that met the requirement, from the tier it was
    /// proposed under.
    pub time_lock_seconds: u32,
    /// The generation of the budget account it was proposed against (`BudgetAccount::generation`).
    pub budget_account_generation: u32,
    /// The generation of the obligation it was proposed against (`Obligation::generation`).
    pub obligation_generation: u32,
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the request PDA.
    pub bump: u8,
    /// Approvals needed, from the tier it was proposed under.
    pub required_approvals: u8,
    /// Approvals so far.
    pub approval_count: u8,
    /// The mint's decimals (the budget account's), to put the obligation's recent payments into
    /// policy units at execution.
    pub decimals: u8,
    /// Zero; rounds the request up to its 8-byte alignment.
    pub reserved: [u8; 7],
}

impl PaymentRequest {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<PaymentRequest>();

    /// Rules that hold after every instruction that writes a request.
    pub fn invariant(&self) -> Result<()> {
        require!(self.amount > 0, DisbursementError::ZeroAmount);
        check_approvers(&self.approvers, self.approval_count, &self.requester)
    }

    /// The requirement it was proposed under.
    pub fn requirement(&self) -> Requirement {
        Requirement {
            approvals: self.required_approvals,
            time_lock_seconds: self.time_lock_seconds,
        }
    }

    /// Its approvals, for the rules single and batch requests share.
    pub fn approvals(&self) -> Approvals {
        Approvals {
            approvers: self.approvers,
            count: self.approval_count,
            approved_at: self.approved_at,
        }
    }

    /// Its approvals, to change in place.
    pub fn approvals_mut(&mut self) -> ApprovalsMut<'_> {
        ApprovalsMut {
            approvers: &mut self.approvers,
            count: &mut self.approval_count,
            approved_at: &mut self.approved_at,
        }
    }
}

// No padding: the zero-copy layout is the Borsh layout (the IDL's, the indexer's, any client's).
const _: () = assert!(
    core::mem::size_of::<PaymentRequest>() == 9 * 32 + 8 * 8 + REFERENCE_LEN + 3 * 4 + 4 + 8
);
