//! Accounts owned by the budget program.

pub mod treasury;

pub use treasury::*;
