//! Accounts owned by the titles program.

pub mod lien;
pub mod offer;
pub mod property;
pub mod registry;
pub mod registry_agency;

pub use lien::*;
pub use offer::*;
pub use property::*;
pub use registry::*;
pub use registry_agency::*;
