//! Accounts owned by the titles program.

pub mod lien;
pub mod offer;
pub mod property;
pub mod registry;

pub use lien::*;
pub use offer::*;
pub use property::*;
pub use registry::*;
