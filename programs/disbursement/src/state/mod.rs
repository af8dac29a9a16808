//! Accounts owned by the disbursement program.

pub mod approvals;
pub mod batch;
pub mod config;
pub mod policy;
pub mod request;

pub use approvals::*;
pub use batch::*;
pub use config::*;
pub use policy::*;
pub use request::*;
