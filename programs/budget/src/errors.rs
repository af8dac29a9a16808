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
}
