//! Accounts owned by the budget program.

pub mod agency;
pub mod budget_account;
pub mod member;
pub mod obligation;
pub mod treasury;

pub use agency::*;
pub use budget_account::*;
pub use member::*;
pub use obligation::*;
pub use treasury::*;
