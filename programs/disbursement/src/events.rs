//! Events, each emitted by self-CPI through [`emit`] (what `emit_cpi!` sends, built more cheaply): each carries the request, agency, amounts and the signer, so that
//! the indexer can rebuild every request's history.

use anchor_lang::prelude::*;

use crate::constants::{MAX_TIERS, REFERENCE_LEN};
use crate::state::Tier;

/// The program's config was created.
#[event]
pub struct ConfigInitialized {
    /// The config account.
    pub config: Pubkey,
    /// The program's admin.
    pub admin: Pubkey,
    /// The authority PDA that signs outlay requests.
    pub authority: Pubkey,
}

/// An agency's approval policy was set or changed.
#[event]
pub struct PolicySet {
    /// The agency.
    pub agency: Pubkey,
    /// The policy account.
    pub policy: Pubkey,
    /// Tiers (the first `tier_count` are in use).
    pub tiers: [Tier; MAX_TIERS],
    /// Tiers in use.
    pub tier_count: u8,
    /// Whether anyone may execute an approved payment.
    pub anyone_may_execute: bool,
    /// Spending period in seconds.
    pub period_seconds: u32,
    /// Spending limit per period.
    pub period_limit: u64,
    /// Seconds a payment request may wait for execution after its proposal.
    pub max_request_age_seconds: u32,
    /// The admin who set it.
    pub admin: Pubkey,
}

/// A payment was proposed.
#[event]
pub struct PaymentProposed {
    /// The request account.
    pub request: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number.
    pub sequence: u64,
    /// The budget account paying.
    pub budget_account: Pubkey,
    /// The obligation paid against.
    pub obligation: Pubkey,
    /// The payee's token account.
    pub payee_token_account: Pubkey,
    /// Amount.
    pub amount: u64,
    /// Hash of the invoice or supporting document.
    pub document_hash: [u8; 32],
    /// Short reference.
    pub reference: [u8; REFERENCE_LEN],
    /// Approvals its tier requires.
    pub required_approvals: u8,
    /// Time lock its tier sets, in seconds.
    pub time_lock_seconds: u32,
    /// When it expires unexecuted (Unix time).
    pub expires_at: i64,
    /// The requester.
    pub requester: Pubkey,
}

/// An approver approved a payment.
#[event]
pub struct PaymentApproved {
    /// The request account.
    pub request: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number.
    pub sequence: u64,
    /// The approver.
    pub approver: Pubkey,
    /// Approvals so far.
    pub approval_count: u8,
    /// Approvals the tier it was proposed under requires (a stricter policy at execution may ask
    /// for more).
    pub required_approvals: u8,
}

/// An approval was voided because its approver no longer holds the approver role; the request (or
/// batch) needs that approval again from someone who does.
#[event]
pub struct ApprovalVoided {
    /// The request or batch account.
    pub request: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number.
    pub sequence: u64,
    /// The approver whose approval no longer counts.
    pub approver: Pubkey,
    /// Approvals left.
    pub approval_count: u8,
    /// Who sent the void (anyone may).
    pub voided_by: Pubkey,
}

/// An approver rejected a payment; the request is closed.
#[event]
pub struct PaymentRejected {
    /// The request account (closed).
    pub request: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number.
    pub sequence: u64,
    /// The approver who rejected it.
    pub approver: Pubkey,
}

/// The requester or the admin cancelled a payment; the request is closed.
#[event]
pub struct PaymentCancelled {
    /// The request account (closed).
    pub request: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number.
    pub sequence: u64,
    /// Who cancelled it.
    pub cancelled_by: Pubkey,
}

/// A payment was executed: the budget program paid the payee; the request is closed.
#[event]
pub struct PaymentExecuted {
    /// The request account (closed).
    pub request: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number.
    pub sequence: u64,
    /// The budget account that paid.
    pub budget_account: Pubkey,
    /// The obligation paid against.
    pub obligation: Pubkey,
    /// The payee's token account.
    pub payee_token_account: Pubkey,
    /// Amount paid.
    pub amount: u64,
    /// Approvers of the payment.
    pub approval_count: u8,
    /// Who executed it.
    pub executor: Pubkey,
    /// Spent in the agency's current period after this payment, in policy units.
    pub period_spent: u64,
}

/// A batch of payments was proposed.
#[event]
pub struct BatchProposed {
    /// The batch account.
    pub batch: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number.
    pub sequence: u64,
    /// The budget account paying.
    pub budget_account: Pubkey,
    /// Sum of the items.
    pub total: u64,
    /// Number of payees.
    pub item_count: u8,
    /// Approvals its tier requires.
    pub required_approvals: u8,
    /// Time lock its tier sets, in seconds.
    pub time_lock_seconds: u32,
    /// Hash of the supporting document.
    pub document_hash: [u8; 32],
    /// Short reference.
    pub reference: [u8; REFERENCE_LEN],
    /// When it expires with items unpaid (Unix time).
    pub expires_at: i64,
    /// The requester.
    pub requester: Pubkey,
}

/// One payee of a batch was paid (the budget program's `OutlayMade` carries the same amount).
#[event]
pub struct BatchItemPaid {
    /// The batch account.
    pub batch: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number.
    pub sequence: u64,
    /// The item's index in the batch.
    pub index: u8,
    /// The obligation paid against.
    pub obligation: Pubkey,
    /// The payee's token account.
    pub payee_token_account: Pubkey,
    /// Amount paid.
    pub amount: u64,
    /// Who executed it.
    pub executor: Pubkey,
}

/// Every payee of a batch was paid; the batch is closed.
#[event]
pub struct BatchCompleted {
    /// The batch account (closed).
    pub batch: Pubkey,
    /// The agency.
    pub agency: Pubkey,
    /// The agency's payment sequence number.
    pub sequence: u64,
    /// Sum paid.
    pub total: u64,
}

/// Emit `event` by a CPI to this program signed by its event `authority` (see `budget::event_cpi`).
pub fn emit<E: anchor_lang::Event>(authority: &AccountInfo, event: &E) -> Result<()> {
    budget::event_cpi::emit(
        &crate::ID,
        authority,
        crate::EVENT_AUTHORITY_AND_BUMP.1,
        event,
    )
}
