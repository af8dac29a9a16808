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
    pub registry: Account<'info, Registry>,
    /// The current registrar.
    pub registrar: Signer<'info>,
}

/// Propose `proposed` as the registry's next registrar.
pub fn propose(ctx: Context<RegistryRegistrarPropose>, proposed: Pubkey) -> Result<()> {
    require_keys_neq!(proposed, Pubkey::default(), TitlesError::InvalidRegistrar);
    let registry = &mut ctx.accounts.registry;
    registry.pending_registrar = proposed;
    registry.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &RegistrarProposed {
            registry: registry.key(),
            registrar: registry.registrar,
            proposed,
        },
    )?;
    Ok(())
}

/// Accounts of `registry_registrar_accept`.
#[event_cpi]
#[derive(Accounts)]
pub struct RegistryRegistrarAccept<'info> {
    /// The registry.
    #[account(mut, constraint = registry.pending_registrar == new_registrar.key() @ TitlesError::NotPendingRegistrar)]
    pub registry: Account<'info, Registry>,
    /// The proposed registrar, accepting.
    pub new_registrar: Signer<'info>,
}

/// The proposed registrar takes over.
pub fn accept(ctx: Context<RegistryRegistrarAccept>) -> Result<()> {
    let registry = &mut ctx.accounts.registry;
    let previous = registry.registrar;
    registry.registrar = registry.pending_registrar;
    registry.pending_registrar = Pubkey::default();
    registry.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &RegistrarAccepted {
            registry: registry.key(),
            previous,
            registrar: registry.registrar,
        },
    )?;
    Ok(())
}
