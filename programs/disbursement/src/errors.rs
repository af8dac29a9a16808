//! Errors of the disbursement program. Append only: codes are part of the public interface.

use anchor_lang::prelude::*;

#[error_code]
pub enum DisbursementError {
    /// The admin must be a real address.
    #[msg("the admin must not be the default address")]
    InvalidAdmin,
}
