//! Errors of the disbursement program. Append only: codes are part of the public interface.

use anchor_lang::prelude::*;

#[error_code]
pub enum DisbursementError {
    /// The admin must be a real address.
    #[msg("the admin must not be the default address")]
    InvalidAdmin,
    /// Only the agency's admin may set its policy or cancel others' requests.
    #[msg("only the agency's admin may do this")]
    NotAgencyAdmin,
    /// The member account is not the signer's membership in this agency.
    #[msg("the signer is not a member of this agency")]
    NotAMember,
    /// The member does not hold the role this needs.
    #[msg("the signer does not hold the role this needs in this agency")]
    MissingRole,
    /// Tiers must rise in amount, the last must cover every amount, approvals 1-3 and never fewer for
    /// larger amounts, time locks at most 30 days.
    #[msg("invalid policy tiers: rising limits ending at u64::MAX, 1-3 approvals not decreasing, time lock <= 30 days")]
    InvalidTiers,
    /// The spending period must be a day, a week or 30 days, with a non-zero limit.
    #[msg("invalid spending limit: period must be 86400, 604800 or 2592000 seconds and the limit non-zero")]
    InvalidPeriod,
    /// The agency has no approval policy yet.
    #[msg("the agency has no approval policy")]
    NoPolicy,
    /// The proposal's sequence is not the agency's next: it was already used (a retried proposal) or skips ahead.
    #[msg("sequence does not match the agency's next payment sequence (already proposed?)")]
    SequenceMismatch,
    /// Amounts must be greater than zero.
    #[msg("amount must be greater than zero")]
    ZeroAmount,
    /// The budget account belongs to another agency.
    #[msg("the budget account belongs to another agency")]
    AccountOfAnotherAgency,
    /// The obligation is charged to another budget account.
    #[msg("the obligation belongs to another budget account")]
    ObligationOfAnotherAccount,
    /// The token account does not belong to the obligation's payee.
    #[msg("the token account does not belong to the obligation's payee")]
    PayeeMismatch,
    /// The amount exceeds what the obligation has left to pay.
    #[msg("amount exceeds the obligation's undisbursed balance")]
    ExceedsObligation,
    /// The requester may not approve their own request.
    #[msg("the requester may not approve their own request")]
    RequesterCannotApprove,
    /// Each approver counts once.
    #[msg("this approver has already approved the request")]
    AlreadyApproved,
    /// The request already has the most approvals any tier can require.
    #[msg("the request already holds the most approvals any tier can require")]
    FullyApproved,
    /// Not enough approvals for the request's tier.
    #[msg("payment needs more approvals")]
    NotEnoughApprovals,
    /// The time lock has not run out.
    #[msg("payment is time-locked")]
    TimeLocked,
    /// The payment would exceed the agency's spending limit for the period.
    #[msg("payment would exceed the agency's spending limit for this period")]
    PeriodLimitExceeded,
    /// Only the requester or the agency admin may cancel.
    #[msg("only the requester or the agency admin may cancel")]
    NotRequesterOrAdmin,
    /// The request belongs to another agency, or its accounts differ from the ones passed.
    #[msg("the accounts passed do not match the payment request")]
    RequestMismatch,
    /// Arithmetic overflow.
    #[msg("amount overflows")]
    AmountOverflow,
    /// The reference is printable ASCII, zero-padded, and not empty.
    #[msg("reference must be 1-16 printable ASCII characters, zero-padded")]
    InvalidReference,
    /// A batch has 1-10 items, each with its obligation and payee token account passed in order.
    #[msg("batch items and the accounts passed do not match (1-10 items, obligation and payee token account each)")]
    ItemMismatch,
    /// The batch item was already paid.
    #[msg("this batch item has already been paid")]
    ItemAlreadyPaid,
    /// A batch that has started paying can no longer be rejected (its requester or the admin may
    /// cancel the unpaid remainder).
    #[msg("the batch has already paid some items: only its requester or the agency admin can cancel the rest")]
    BatchStarted,
    /// The agency is deactivated: no proposal, approval or payment until the central authority
    /// reactivates it.
    #[msg("the agency is deactivated")]
    AgencyInactive,
    /// Only an approval whose approver no longer holds the approver role is voided.
    #[msg("the approver still holds the approver role in the agency: the approval stands")]
    ApproverStillHoldsRole,
    /// The approver named has not approved this request.
    #[msg("the approver named has not approved this request")]
    NoSuchApproval,
    /// A request lives between a day and a year and a day, longer than every tier's time lock.
    #[msg(
        "invalid request lifetime: 86400 to 31622400 seconds, longer than every tier's time lock"
    )]
    InvalidRequestAge,
    /// The request is older than the policy allows: propose it again.
    #[msg("the payment request has expired: propose it again")]
    RequestExpired,
    /// A stored aggregate broke its invariant (a bug, never expected).
    #[msg("policy invariant violated")]
    InvariantViolated,
}
