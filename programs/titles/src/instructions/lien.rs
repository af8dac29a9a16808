use anchor_lang::prelude::*;
use budget::text::is_code;

use budget::pda_account;

use crate::constants::{ACCOUNT_VERSION, LIEN_ID_LEN, SEED_LIEN};
use crate::errors::TitlesError;
use crate::events::{emit, LienRecorded, LienReleased};
use crate::state::{Lien, LienHolder, Property};

/// Arguments of `lien_record`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LienRecordArgs {
    /// The holder's id of the lien (printable ASCII, zero-padded).
    pub lien_id: [u8; LIEN_ID_LEN],
    /// Amount secured.
    pub amount: u64,
    /// Hash of the lien document.
    pub document_hash: [u8; 32],
}

impl LienRecordArgs {
    pub fn validate(&self) -> Result<()> {
        require!(is_code(&self.lien_id), TitlesError::InvalidLienId);
        require!(self.amount > 0, TitlesError::ZeroAmount);
        Ok(())
    }
}

/// Accounts of `lien_record`.
#[event_cpi]
#[derive(Accounts)]
pub struct LienRecord<'info> {
    /// The property encumbered.
    #[account(mut)]
    pub property: AccountLoader<'info, Property>,
    /// The holder's active authorisation in the property's registry (checked first by the handler).
    pub authorization: AccountLoader<'info, LienHolder>,
    /// The lien holder; pays the lien's rent.
    #[account(mut)]
    pub holder: Signer<'info>,
    /// The lien, created here at the canonical PDA `[SEED_LIEN, property, holder, lien id]`.
    /// CHECK: created by the handler through `budget::pda_account::create`, which checks the address.
    #[account(mut)]
    pub lien: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

/// An authorised lien holder records a lien; the property cannot move until it is released.
pub fn record(ctx: Context<LienRecord>, args: LienRecordArgs) -> Result<()> {
    let property_key = ctx.accounts.property.key();
    let holder = ctx.accounts.holder.key();
    let mut property = ctx.accounts.property.load_mut()?;
    let authorization = ctx.accounts.authorization.load()?;
    require!(
        authorization.registry == property.registry
            && authorization.holder == holder
            && authorization.is_active(),
        TitlesError::LienHolderNotAuthorized
    );
    drop(authorization);
    require!(!property.is_disposed(), TitlesError::Disposed);
    property.active_liens = property
        .active_liens
        .checked_add(1)
        .ok_or(TitlesError::TooManyLiens)?;
    property.invariant()?;
    let bump = pda_account::create(
        &crate::ID,
        &ctx.accounts.holder,
        &ctx.accounts.lien,
        &[
            SEED_LIEN,
            property_key.as_ref(),
            holder.as_ref(),
            args.lien_id.as_ref(),
        ],
        Lien::SPACE,
    )?;
    let lien = Lien {
        property: property_key,
        holder,
        document_hash: args.document_hash,
        lien_id: args.lien_id,
        amount: args.amount,
        recorded_at: Clock::get()?.unix_timestamp,
        version: ACCOUNT_VERSION,
        bump,
        reserved: [0; 6],
    };
    pda_account::write_zero_copy(&ctx.accounts.lien, &lien)?;
    emit(
        &ctx.accounts.event_authority,
        &LienRecorded {
            property: property_key,
            lien: ctx.accounts.lien.key(),
            holder,
            lien_id: args.lien_id,
            amount: args.amount,
            document_hash: args.document_hash,
            active_liens: property.active_liens,
        },
    )?;
    Ok(())
}

/// Accounts of `lien_release`.
#[event_cpi]
#[derive(Accounts)]
pub struct LienRelease<'info> {
    /// The property.
    #[account(mut)]
    pub property: AccountLoader<'info, Property>,
    /// The lien, closed here; rent to its holder.
    #[account(mut, has_one = property @ TitlesError::PropertyMismatch, has_one = holder @ TitlesError::LienHolderNotAuthorized, close = holder)]
    pub lien: AccountLoader<'info, Lien>,
    /// The lien holder.
    #[account(mut)]
    pub holder: Signer<'info>,
}

/// The lien holder releases its lien.
pub fn release(ctx: Context<LienRelease>) -> Result<()> {
    let mut property = ctx.accounts.property.load_mut()?;
    property.active_liens = property
        .active_liens
        .checked_sub(1)
        .ok_or(TitlesError::Overflow)?;
    property.invariant()?;
    let lien = ctx.accounts.lien.load()?;
    emit(
        &ctx.accounts.event_authority,
        &LienReleased {
            property: ctx.accounts.property.key(),
            lien: ctx.accounts.lien.key(),
            holder: lien.holder,
            lien_id: lien.lien_id,
            active_liens: property.active_liens,
        },
    )?;
    Ok(())
}
