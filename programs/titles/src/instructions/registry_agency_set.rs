use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_REGISTRY_AGENCY};
use crate::errors::TitlesError;
use crate::events::{emit, RegistryAgencySet};
use crate::state::{Registry, RegistryAgency};

#[event_cpi]
#[derive(Accounts)]
#[instruction(agency: Pubkey)]
pub struct RegistryAgencySetAccounts<'info> {
    /// The registry.
    #[account(has_one = registrar @ TitlesError::NotRegistrar)]
    pub registry: AccountLoader<'info, Registry>,
    /// The agency's authorisation, created on first use.
    #[account(
        init_if_needed,
        payer = payer,
        space = RegistryAgency::SPACE,
        seeds = [SEED_REGISTRY_AGENCY, registry.key().as_ref(), agency.as_ref()],
        bump,
    )]
    pub registry_agency: AccountLoader<'info, RegistryAgency>,
    /// The registrar.
    pub registrar: Signer<'info>,
    /// Pays the authorisation's rent on first use.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// Authorise (`active = true`) or revoke an agency's registering of property in the registry.
pub fn handler(
    ctx: Context<RegistryAgencySetAccounts>,
    agency: Pubkey,
    active: bool,
) -> Result<()> {
    require_keys_neq!(agency, Pubkey::default(), TitlesError::InvalidRegistrar);
    let registry = ctx.accounts.registry.key();
    let mut auth = budget::pda_account::load_init_if_needed(&ctx.accounts.registry_agency)?;
    if auth.version == 0 {
        auth.version = ACCOUNT_VERSION;
        auth.bump = ctx.bumps.registry_agency;
        auth.registry = registry;
        auth.agency = agency;
    }
    auth.active = u8::from(active);
    drop(auth);
    emit(
        &ctx.accounts.event_authority,
        &RegistryAgencySet {
            registry,
            agency,
            active,
            registrar: ctx.accounts.registrar.key(),
        },
    )?;
    Ok(())
}
