//! Errors of the budget program. Append only: codes are part of the public interface.

use anchor_lang::prelude::*;

#[error_code]
pub enum BudgetError {
    /// The fiscal year must start in a month from 1 to 12.
    #[msg("fiscal year start month must be between 1 and 12")]
    InvalidFiscalYearStartMonth,
    /// Cancellation must come 1 to 30 years after expiry.
    #[msg("cancellation years must be between 1 and 30")]
    InvalidCancellationYears,
    /// The disbursement authority must be a real address.
    #[msg("the disbursement authority must not be the default address")]
    InvalidDisbursementAuthority,
    /// Only the treasury's central authority may do this.
    #[msg("only the treasury's central authority may do this")]
    NotCentralAuthority,
    /// No authority change is pending, or the signer is not the proposed authority.
    #[msg("the signer is not the pending authority")]
    NotPendingAuthority,
    /// The address must not be the default address.
    #[msg("the address must not be the default address")]
    InvalidAddress,
    /// The mint is already on the treasury's list.
    #[msg("the mint is already allowed")]
    MintAlreadyAllowed,
    /// The treasury's mint list is full.
    #[msg("the treasury allows at most 4 mints")]
    TooManyMints,
    /// Token-2022 mints with extensions other than metadata (fees, hooks, a permanent delegate, ...)
    /// would break the ledger's arithmetic or its control of the vaults.
    #[msg("the mint carries a Token-2022 extension fisc does not support (only metadata is)")]
    MintExtensionsNotSupported,
    /// The mint is not on the treasury's list.
    #[msg("the mint is not allowed by the treasury")]
    MintNotAllowed,
    /// Agency codes are 1-8 printable ASCII characters, zero-padded.
    #[msg("agency code must be 1-8 printable ASCII characters, zero-padded")]
    InvalidAgencyCode,
    /// Names are 1-48 bytes of UTF-8, zero-padded.
    #[msg("name must be 1-48 bytes of UTF-8, zero-padded")]
    InvalidName,
    /// The agency has been deactivated.
    #[msg("the agency is deactivated")]
    AgencyInactive,
    /// Only the agency's admin may do this.
    #[msg("only the agency's admin may do this")]
    NotAgencyAdmin,
    /// Role flags outside the defined roles.
    #[msg("unknown role flags")]
    InvalidRoles,
    /// The member does not hold the role the instruction needs.
    #[msg("the signer does not hold the role this needs in this agency")]
    MissingRole,
    /// A TAS is 1-24 printable ASCII characters, zero-padded.
    #[msg("TAS must be 1-24 printable ASCII characters, zero-padded")]
    InvalidTas,
    /// The period of availability is malformed: first year out of range, or last before first.
    #[msg("period of availability must have 1990 <= first fiscal year <= last fiscal year (or no-year)")]
    InvalidPeriod,
    /// Amounts must be greater than zero.
    #[msg("amount must be greater than zero")]
    ZeroAmount,
    /// An amount would overflow a u64.
    #[msg("amount overflows")]
    AmountOverflow,
    /// The appropriation takes no new obligations: its period has not begun or has ended.
    #[msg("budget account is not open for new obligations in this fiscal year")]
    AccountNotOpen,
    /// The appropriation is cancelled: nothing more is paid or obligated.
    #[msg("budget account is cancelled")]
    AccountCancelled,
    /// The appropriation is not cancelled yet.
    #[msg("budget account is not cancelled yet")]
    AccountNotCancelled,
    /// The obligation would exceed the account's unobligated authority.
    #[msg("not enough unobligated authority in the budget account")]
    ExceedsUnobligatedAuthority,
    /// A rescission may not take authority below what is obligated.
    #[msg("rescission would leave authority below the amount obligated")]
    RescissionBelowObligated,
    /// A deobligation may not take an obligation below what it has paid.
    #[msg("deobligation would leave the obligation below the amount disbursed")]
    DeobligationBelowDisbursed,
    /// The outlay would exceed the obligation's undisbursed balance.
    #[msg("outlay exceeds the obligation's undisbursed balance")]
    ExceedsObligation,
    /// The vault holds less than the outlay.
    #[msg("the vault holds less than the outlay")]
    InsufficientVaultFunds,
    /// The treasury is paused: no outlays.
    #[msg("the treasury is paused")]
    TreasuryPaused,
    /// Only the disbursement program's authority may request an outlay.
    #[msg("only the disbursement program's authority may request an outlay")]
    NotDisbursementAuthority,
    /// A recovery cannot return more than the obligation has paid.
    #[msg("recovery exceeds the amount disbursed on the obligation")]
    RecoveryExceedsDisbursed,
    /// Award ids are 1-32 printable ASCII characters, zero-padded.
    #[msg("award id must be 1-32 printable ASCII characters, zero-padded")]
    InvalidAwardId,
    /// Payee ids are 1-12 printable ASCII characters, zero-padded.
    #[msg("payee id must be 1-12 printable ASCII characters, zero-padded")]
    InvalidPayeeId,
    /// Object classes are 2-4 digit codes, 10 to 9999.
    #[msg("object class must be a 2-4 digit code (10-9999)")]
    InvalidObjectClass,
    /// The budget account still has open obligations.
    #[msg("the budget account still has open obligations")]
    ObligationsOutstanding,
    /// The vault still holds tokens.
    #[msg("the vault is not empty")]
    VaultNotEmpty,
    /// The obligation still has an undisbursed balance in a live account.
    #[msg("the obligation still has an undisbursed balance")]
    ObligationNotLiquidated,
    /// A stored aggregate broke its invariant (a bug, never expected).
    #[msg("ledger invariant violated")]
    InvariantViolated,
    /// Outlays go only to token accounts the obligation's payee owns.
    #[msg("the token account does not belong to the obligation's payee")]
    PayeeMismatch,
    /// The member account is not the signer's membership in this agency.
    #[msg("the signer is not a member of this agency")]
    NotAMember,
    /// The budget account belongs to another agency.
    #[msg("the budget account belongs to another agency")]
    AccountOfAnotherAgency,
    /// The obligation is charged to another budget account.
    #[msg("the obligation belongs to another budget account")]
    ObligationOfAnotherAccount,
    /// The token account is not the budget account's vault.
    #[msg("the token account is not the budget account's vault")]
    VaultMismatch,
    /// `budget_account_fund` was built against another funded total: a copy may have landed already.
    #[msg("the budget account's funded total is not the one this deposit was built against")]
    FundedChanged,
    /// An increase or decrease was built against another obligated amount: a copy may have landed.
    #[msg("the obligation's amount is not the one this adjustment was built against")]
    ObligatedChanged,
    /// A recovery was built against another disbursed amount: a copy may have landed already.
    #[msg("the obligation's disbursed amount is not the one this recovery was built against")]
    DisbursedChanged,
    /// A recovery is recorded by the obligation's payee or a budget officer of the agency.
    #[msg(
        "a recovery is recorded only by the obligation's payee or a budget officer of the agency"
    )]
    RecoveryByStranger,
    /// Only a deactivated agency is reactivated.
    #[msg("the agency is active")]
    AgencyActive,
    /// An obligation's payee may not be a budget account or a token account (a vault among them):
    /// that outlay would never leave the treasury, or move money between appropriations.
    #[msg("the payee is a budget account or a token account: an outlay must leave the treasury")]
    PayeeInsideTreasury,
    /// The obligation or budget account was closed and created again since the payment was proposed.
    #[msg("the obligation or budget account was closed and opened again since this payment was proposed")]
    GenerationChanged,
}
