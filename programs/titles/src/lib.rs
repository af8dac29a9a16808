//! # fisc titles program
//!
//! The register of government property: registries per jurisdiction, property titles, transfers between
//! agencies with both sides' consent, liens, freezes, disposal and building records. Agencies and their
//! members' roles are read from the budget program.
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

declare_id!("8e8qkmitTPCfPnVZczX7cDz96o3HuX4dpHCYFj4fCvog");

#[program]
pub mod titles {
    use super::*;

    /// Open a registry for a jurisdiction with its registrar; signed by the treasury's authority.
    #[access_control(args.validate())]
    pub fn registry_init(ctx: Context<RegistryInit>, args: RegistryInitArgs) -> Result<()> {
        instructions::registry_init::handler(ctx, args)
    }
}
