//! Accounts owned by the disbursement program.

pub mod config;
pub mod policy;
pub mod request;

pub use config::*;
pub use policy::*;
pub use request::*;
