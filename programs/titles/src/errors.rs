//! Errors of the titles program. Append only: codes are part of the public interface.

use anchor_lang::prelude::*;

#[error_code]
pub enum TitlesError {
    /// Jurisdiction codes are printable ASCII, left-aligned and zero-padded, not empty.
    #[msg("jurisdiction code must be 1-8 printable ASCII characters, zero-padded")]
    InvalidJurisdiction,
    /// Names are UTF-8, left-aligned and zero-padded, not empty.
    #[msg("name must be 1-32 bytes of UTF-8, zero-padded")]
    InvalidName,
    /// The registrar must be a real address.
    #[msg("the registrar must not be the default address")]
    InvalidRegistrar,
}
