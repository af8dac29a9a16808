use anchor_lang::prelude::*;

use crate::errors::TitlesError;
use crate::events::{emit, PropertyFreezeSet};
use crate::state::{Property, Registry};

#[event_cpi]
#[derive(Accounts)]
pub struct PropertyFreezeSetAccounts<'info> {
    /// The property; in `registry`.
    #[account(mut, has_one = registry @ TitlesError::PropertyMismatch)]
    pub property: AccountLoader<'info, Property>,
    /// The registry, naming the registrar.
    #[account(has_one = registrar @ TitlesError::NotRegistrar)]
    pub registry: AccountLoader<'info, Registry>,
    /// The registrar.
    pub registrar: Signer<'info>,
}

/// Freeze (dispute, court order) or unfreeze a property; by the registrar.
pub fn handler(
    ctx: Context<PropertyFreezeSetAccounts>,
    frozen: bool,
    document_hash: [u8; 32],
) -> Result<()> {
    let mut property = ctx.accounts.property.load_mut()?;
    property.set_frozen(frozen);
    property.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &PropertyFreezeSet {
            property: ctx.accounts.property.key(),
            frozen,
            document_hash,
            registrar: ctx.accounts.registrar.key(),
        },
    )?;
    Ok(())
}
