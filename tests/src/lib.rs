//! Test harness for fisc's programs: they run as built SBF `.so` files in LiteSVM, never as host code.
//!
//! - [`svm`]: the SVM with the three programs loaded, sending transactions, reading accounts, decoding
//!   `emit_cpi!` events and compute units;
//! - [`token`]: mints and token accounts under SPL Token and Token-2022;
//! - [`keys`]: deterministic keypairs;
//! - [`cu`]: the compute-unit table in `docs/compute-units.md`;
//! - [`fixtures`]: instruction builders and set-ups shared by the test files.
// Sending returns LiteSVM's own failure (`FailedTransactionMetadata`, logs included) for the tests to
// inspect; boxing it would only add a dereference to every assertion.
#![allow(clippy::result_large_err)]

/// The fisc-tests package directory, from cargo at run time (a test binary cached from a clone elsewhere
/// keeps its compile-time path, which may not exist here).
pub fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
        || env!("CARGO_MANIFEST_DIR").into(),
        std::path::PathBuf::from,
    )
}

pub mod cu;
pub mod fixtures;

/// A change to an instruction's arguments and the error it must fail with.
pub type BadArgs<A, E> = (fn(&mut A), E);
pub mod keys;
pub mod prop;
pub mod svm;
pub mod token;

pub use keys::{address, keypair, padded};
pub use svm::{
    assert_error, assert_error_logged, assert_logged, error_code, substituted, unsigned, Harness,
    Sent,
};
