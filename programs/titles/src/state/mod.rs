//! Accounts owned by the titles program.

pub mod registry;

pub use registry::*;
