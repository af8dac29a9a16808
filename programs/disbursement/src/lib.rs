//! # fisc disbursement program
//!
//! Who approved paying whom: approval policies, payment requests, approvals, time locks and execution.
//! It is the only caller the budget program accepts for an outlay: its authority PDA
//! (`[SEED_AUTHORITY]`) signs the CPI. Separation of duties lives here: a requester never approves
//! their own request.
//!
//! `lib.rs` only dispatches; each instruction lives in `instructions/<name>.rs`.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
#[cfg(not(target_os = "solana"))]
pub mod pda;
pub mod state;

pub use instructions::*;

declare_id!("6TVMrLeFVZMmjMPyPKxxitzUUDNuSZmgKkWZNmW6KJz8");

#[program]
pub mod disbursement {
    use super::*;

    /// Create the program's config and fix its authority PDA; signed by the upgrade authority.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        instructions::config_init::handler(ctx, args)
    }
}
