//! # fisc budget program
//!
//! The ledger of spending authority: the treasury (central authority, allowed mints, the disbursement
//! program's authority, the fiscal-year calendar, the pause switch), agencies and their members' roles,
//! budget accounts (appropriations) with their token vaults, obligations, and the fiscal-year lifecycle.
//! It is the only program that moves money out of a vault, and only when the disbursement program's
//! authority PDA signs the request.
//!
//! `lib.rs` only dispatches; each instruction lives in `instructions/<name>.rs` with its accounts, args and
//! handler.
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

declare_id!("zfn73NMoBLsBSZTTfAuJLVN3ZowyUCNxHMqoNEbt5VK");

#[program]
pub mod budget {
    use super::*;

    /// Create the treasury singleton; signed by the program's upgrade authority.
    #[access_control(args.validate())]
    pub fn treasury_init(ctx: Context<TreasuryInit>, args: TreasuryInitArgs) -> Result<()> {
        instructions::treasury_init::handler(ctx, args)
    }
}
