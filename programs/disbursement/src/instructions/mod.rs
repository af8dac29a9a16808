//! One module per instruction: accounts, args and handler together.
// Every module exports a `handler`; the program calls them by path, never through the glob.
#![allow(ambiguous_glob_reexports)]

pub mod config_init;
pub mod payment_approval_void;
pub mod payment_approve;
pub mod payment_batch_approval_void;
pub mod payment_batch_approve;
pub mod payment_batch_cancel;
pub mod payment_batch_execute;
pub mod payment_batch_propose;
pub mod payment_cancel;
pub mod payment_execute;
pub mod payment_propose;
pub mod payment_reject;
pub mod policy_set;

pub use config_init::*;
pub use payment_approval_void::*;
pub use payment_approve::*;
pub use payment_batch_approval_void::*;
pub use payment_batch_approve::*;
pub use payment_batch_cancel::*;
pub use payment_batch_execute::*;
pub use payment_batch_propose::*;
pub use payment_cancel::*;
pub use payment_execute::*;
pub use payment_propose::*;
pub use payment_reject::*;
pub use policy_set::*;
