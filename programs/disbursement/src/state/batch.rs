use anchor_lang::prelude::*;

use crate::constants::{MAX_BATCH_ITEMS, REFERENCE_LEN};
use crate::errors::DisbursementError;
use crate::state::{check_approvers, Approvals, Requirement};

/// One payee of a batch.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct BatchItem {
    /// The obligation paid against (of the batch's budget account).
    pub obligation: Pubkey,
    /// The payee's token account.
    pub payee_token_account: Pubkey,
    /// Amount.
    pub amount: u64,
    /// The generation of the obligation it was proposed against (`Obligation::generation`).
    pub obligation_generation: u32,
    /// Set once paid: each payee is paid exactly once.
    pub paid: bool,
}

/// A payroll-like run: up to 10 payees from one budget account under one approval set. Executed over
/// as many transactions as the size limit needs, then closed.
#[account]
#[derive(InitSpace)]
pub struct BatchRequest {
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the batch PDA.
    pub bump: u8,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number (shared with single requests).
    pub sequence: u64,
    /// The budget account paying every item.
    pub budget_account: Pubkey,
    /// The generation of that budget account it was proposed against.
    pub budget_account_generation: u32,
    /// Who proposed it (never an approver of it).
    pub requester: Pubkey,
    /// Hash of the supporting document (e.g. the payroll register).
    pub document_hash: [u8; 32],
    /// Short reference, printable ASCII zero-padded.
    pub reference: [u8; REFERENCE_LEN],
    /// Sum of the items' amounts, in the mint's base units.
    pub total: u64,
    /// The total in policy units (`policy::policy_units`): the tier is chosen by it.
    pub policy_total: u64,
    /// The mint's decimals (the budget account's), to count each item in policy units.
    pub decimals: u8,
    /// Approvals of the tier it was proposed under.
    pub required_approvals: u8,
    /// Seconds of time lock of the tier it was proposed under.
    pub time_lock_seconds: u32,
    /// Approvals so far.
    pub approvals: Approvals,
    /// When the batch was proposed (Unix time).
    pub proposed_at: i64,
    /// When it expires with items unpaid (Unix time), as a single request's.
    pub expires_at: i64,
    /// Items in use.
    pub item_count: u8,
    /// Items paid so far.
    pub paid_count: u8,
    /// The payees.
    pub items: [BatchItem; MAX_BATCH_ITEMS],
}

impl BatchRequest {
    /// The requirement it was proposed under.
    pub fn requirement(&self) -> Requirement {
        Requirement {
            approvals: self.required_approvals,
            time_lock_seconds: self.time_lock_seconds,
        }
    }

    /// Items paid are counted, the total adds up, approvals are distinct.
    pub fn invariant(&self) -> Result<()> {
        let items = &self.items[..usize::from(self.item_count)];
        let paid = items.iter().filter(|i| i.paid).count();
        require!(
            paid == usize::from(self.paid_count),
            DisbursementError::ItemMismatch
        );
        let total = items
            .iter()
            .try_fold(0u64, |sum, i| sum.checked_add(i.amount))
            .ok_or(DisbursementError::AmountOverflow)?;
        require!(
            total == self.total && total > 0,
            DisbursementError::ItemMismatch
        );
        check_approvers(
            &self.approvals.approvers,
            self.approvals.count,
            &self.requester,
        )
    }
}
