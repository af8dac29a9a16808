use anchor_lang::prelude::*;

use crate::errors::TitlesError;
use crate::events::{emit, RegistrarAccepted, RegistrarProposed};
use crate::state::Registry;

/// Accounts of `registry_registrar_propose`.
#[event_cpi]
#[derive(Accounts)]
pub struct RegistryRegistrarPropose<'info> {
    /// The registry.
    #[account(mut, has_one = registrar @ TitlesError::NotRegistrar)]
    pub registry: AccountLoader<'info, Registry>,
    /// The current registrar.
    pub registrar: Signer<'info>,
}

/// Propose `proposed` as the registry's next registrar.
pub fn propose(ctx: Context<RegistryRegistrarPropose>, proposed: Pubkey) -> Result<()> {
    require_keys_neq!(proposed, Pubkey::default(), TitlesError::InvalidRegistrar);
    let mut registry = ctx.accounts.registry.load_mut()?;
    registry.pending_registrar = proposed;
    registry.invariant()?;
    let event = RegistrarProposed {
        registry: ctx.accounts.registry.key(),
        registrar: registry.registrar,
        proposed,
    };
    drop(registry);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}

/// Accounts of `registry_registrar_accept`.
#[event_cpi]
#[derive(Accounts)]
pub struct RegistryRegistrarAccept<'info> {
    /// The registry.
    #[account(mut, constraint = registry.load()?.pending_registrar == new_registrar.key() @ TitlesError::NotPendingRegistrar)]
    pub registry: AccountLoader<'info, Registry>,
    /// The proposed registrar, accepting.
    pub new_registrar: Signer<'info>,
}

/// The proposed registrar takes over.
pub fn accept(ctx: Context<RegistryRegistrarAccept>) -> Result<()> {
    let mut registry = ctx.accounts.registry.load_mut()?;
    let previous = registry.registrar;
    registry.registrar = registry.pending_registrar;
    registry.pending_registrar = Pubkey::default();
    registry.invariant()?;
    let event = RegistrarAccepted {
        registry: ctx.accounts.registry.key(),
        previous,
        registrar: registry.registrar,
    };
    drop(registry);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
