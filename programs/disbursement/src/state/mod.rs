//! Accounts owned by the disbursement program.

pub mod config;

pub use config::*;
