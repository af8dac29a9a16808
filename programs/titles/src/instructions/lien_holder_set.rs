use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_LIEN_HOLDER};
use crate::errors::TitlesError;
use crate::events::{emit, LienHolderSet};
use crate::state::{LienHolder, Registry};

#[event_cpi]
#[derive(Accounts)]
#[instruction(holder: Pubkey)]
pub struct LienHolderSetAccounts<'info> {
    /// The registry.
    #[account(has_one = registrar @ TitlesError::NotRegistrar)]
    pub registry: AccountLoader<'info, Registry>,
    /// The holder's authorisation, created on first use.
    #[account(
        init_if_needed,
        payer = payer,
        space = LienHolder::SPACE,
        seeds = [SEED_LIEN_HOLDER, registry.key().as_ref(), holder.as_ref()],
        bump,
    )]
    pub lien_holder: AccountLoader<'info, LienHolder>,
    /// The registrar.
    pub registrar: Signer<'info>,
    /// Pays the authorisation's rent on first use.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// Authorise (`active = true`) or revoke a lien holder in the registry.
pub fn handler(ctx: Context<LienHolderSetAccounts>, holder: Pubkey, active: bool) -> Result<()> {
    require_keys_neq!(holder, Pubkey::default(), TitlesError::InvalidRegistrar);
    let registry = ctx.accounts.registry.key();
    let mut auth = budget::pda_account::load_init_if_needed(&ctx.accounts.lien_holder)?;
    if auth.version == 0 {
        auth.version = ACCOUNT_VERSION;
        auth.bump = ctx.bumps.lien_holder;
        auth.registry = registry;
        auth.holder = holder;
    }
    auth.active = u8::from(active);
    drop(auth);
    emit(
        &ctx.accounts.event_authority,
        &LienHolderSet {
            registry,
            holder,
            active,
            registrar: ctx.accounts.registrar.key(),
        },
    )?;
    Ok(())
}
