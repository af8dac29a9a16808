use anchor_lang::prelude::*;
use budget::text::is_name;

use crate::constants::{SEED_OFFER, VOID_REASON_LEN};
use crate::errors::TitlesError;
use crate::events::{emit, PropertyVoided};
use crate::state::{Property, Registry};

/// Arguments of `property_void`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct PropertyVoidArgs {
    /// Why the registration is void (UTF-8, zero-padded, not empty), e.g. "parcel of another
    /// registry" or the registrar's order number.
    pub reason: [u8; VOID_REASON_LEN],
}

impl PropertyVoidArgs {
    pub fn validate(&self) -> Result<()> {
        require!(is_name(&self.reason), TitlesError::InvalidReason);
        Ok(())
    }
}

#[event_cpi]
#[derive(Accounts)]
pub struct PropertyVoid<'info> {
    /// The registry.
    #[account(has_one = registrar @ TitlesError::NotRegistrar)]
    pub registry: AccountLoader<'info, Registry>,
    /// The title registered in error, closed here (its rent goes to the registrar).
    #[account(
        mut,
        close = registrar,
        has_one = registry @ TitlesError::PropertyMismatch,
    )]
    pub property: AccountLoader<'info, Property>,
    /// The property's transfer-offer address: no offer may be pending.
    /// CHECK: only its emptiness is read; the address is checked by seeds.
    #[account(seeds = [SEED_OFFER, property.key().as_ref()], bump)]
    pub offer: UncheckedAccount<'info>,
    /// The registrar.
    #[account(mut)]
    pub registrar: Signer<'info>,
}

/// Void a registration made in error: only one that has never changed hands and carries no lien or
/// pending offer, so no chain of title is erased. The event keeps the record.
pub fn handler(ctx: Context<PropertyVoid>, args: PropertyVoidArgs) -> Result<()> {
    let property = ctx.accounts.property.load()?;
    require!(
        property.transfer_seq == 0
            && property.active_liens == 0
            && ctx.accounts.offer.data_is_empty(),
        TitlesError::TitleInUse
    );
    let event = PropertyVoided {
        property: ctx.accounts.property.key(),
        registry: property.registry,
        parcel_id: property.parcel_id,
        holder: property.holder,
        reason: args.reason,
        registrar: ctx.accounts.registrar.key(),
    };
    drop(property);
    emit(&ctx.accounts.event_authority, &event)?;
    Ok(())
}
