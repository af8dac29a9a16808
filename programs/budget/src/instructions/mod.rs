//! One module per instruction: accounts, args and handler together.
// Every module exports a `handler`; the program calls them by path, never through the glob.
#![allow(ambiguous_glob_reexports)]

pub mod agency_admin_accept;
pub mod agency_admin_propose;
pub mod agency_deactivate;
pub mod agency_reactivate;
pub mod agency_register;
pub mod budget_account_authorized_set;
pub mod budget_account_cancel;
pub mod budget_account_close;
pub mod budget_account_fund;
pub mod budget_account_open;
pub mod member_roles_set;
pub mod obligation_adjust;
pub mod obligation_close;
pub mod obligation_create;
pub mod outlay_execute;
pub mod recovery_record;
pub mod treasury_authority_accept;
pub mod treasury_authority_propose;
pub mod treasury_init;
pub mod treasury_mint_add;
pub mod treasury_pause_set;

pub use agency_admin_accept::*;
pub use agency_admin_propose::*;
pub use agency_deactivate::*;
pub use agency_reactivate::*;
pub use agency_register::*;
pub use budget_account_authorized_set::*;
pub use budget_account_cancel::*;
pub use budget_account_close::*;
pub use budget_account_fund::*;
pub use budget_account_open::*;
pub use member_roles_set::*;
pub use obligation_adjust::*;
pub use obligation_close::*;
pub use obligation_create::*;
pub use outlay_execute::*;
pub use recovery_record::*;
pub use treasury_authority_accept::*;
pub use treasury_authority_propose::*;
pub use treasury_init::*;
pub use treasury_mint_add::*;
pub use treasury_pause_set::*;
