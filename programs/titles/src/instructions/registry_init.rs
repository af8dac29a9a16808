use anchor_lang::prelude::*;
use budget::constants::TREASURY_AND_BUMP;
use budget::state::Treasury;

use crate::constants::{ACCOUNT_VERSION, JURISDICTION_LEN, NAME_LEN, SEED_REGISTRY};
use crate::events::{emit, RegistryInitialized};
use crate::state::Registry;

/// Arguments of `registry_init`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct RegistryInitArgs {
    /// Jurisdiction code, printable ASCII zero-padded (e.g. `US-DC`).
    pub jurisdiction: [u8; JURISDICTION_LEN],
    /// Display name, UTF-8 zero-padded.
    pub name: [u8; NAME_LEN],
    /// The registrar authority.
    pub registrar: Pubkey,
}

impl RegistryInitArgs {
    pub fn validate(&self) -> Result<()> {
        Registry::check_fields(&self.jurisdiction, &self.name, &self.registrar)
    }
}

#[event_cpi]
#[derive(Accounts)]
#[instruction(args: RegistryInitArgs)]
pub struct RegistryInit<'info> {
    /// The registry, created here; one per jurisdiction.
    #[account(
        init,
        payer = payer,
        space = Registry::SPACE,
        seeds = [SEED_REGISTRY, args.jurisdiction.as_ref()],
        bump,
    )]
    pub registry: AccountLoader<'info, Registry>,
    /// The budget program's treasury (its only `Treasury` account), which names the central authority.
    #[account(address = TREASURY_AND_BUMP.0, has_one = authority)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The treasury's central authority.
    pub authority: Signer<'info>,
    /// Pays the registry's rent.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<RegistryInit>, args: RegistryInitArgs) -> Result<()> {
    let mut registry = ctx.accounts.registry.load_init()?;
    *registry = Registry {
        property_count: 0,
        registrar: args.registrar,
        pending_registrar: Pubkey::default(),
        jurisdiction: args.jurisdiction,
        name: args.name,
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.registry,
        reserved: [0; 6],
    };
    registry.invariant()?;
    drop(registry);
    emit(
        &ctx.accounts.event_authority,
        &RegistryInitialized {
            registry: ctx.accounts.registry.key(),
            jurisdiction: args.jurisdiction,
            name: args.name,
            registrar: args.registrar,
            opened_by: ctx.accounts.authority.key(),
        },
    )?;
    Ok(())
}
