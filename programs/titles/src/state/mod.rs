//! Accounts owned by the titles program, and the fixed-size text helpers they share.

pub mod registry;
pub mod text;

pub use registry::*;
