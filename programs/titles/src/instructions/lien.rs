use anchor_lang::prelude::*;
use budget::text::is_code;

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
#[instruction(args: LienRecordArgs)]
pub struct LienRecord<'info> {
    /// The property encumbered.
    #[account(mut)]
    pub property: Box<Account<'info, Property>>,
    /// The holder's authorisation in the property's registry.
    #[account(
        constraint = authorization.registry == property.registry @ TitlesError::LienHolderNotAuthorized,
        constraint = authorization.holder == holder.key() @ TitlesError::LienHolderNotAuthorized,
        constraint = authorization.active @ TitlesError::LienHolderNotAuthorized,
    )]
    pub authorization: Box<Account<'info, LienHolder>>,
    /// The lien holder; pays the lien's rent.
    #[account(mut)]
    pub holder: Signer<'info>,
    /// The lien, created here.
    #[account(
        init,
        payer = holder,
        space = 8 + Lien::INIT_SPACE,
        seeds = [SEED_LIEN, property.key().as_ref(), holder.key().as_ref(), args.lien_id.as_ref()],
        bump,
    )]
    pub lien: Box<Account<'info, Lien>>,
    pub system_program: Program<'info, System>,
}

/// An authorised lien holder records a lien; the property cannot move until it is released.
pub fn record(ctx: Context<LienRecord>, args: LienRecordArgs) -> Result<()> {
    let property = &mut ctx.accounts.property;
    require!(!property.disposed, TitlesError::Disposed);
    property.active_liens = property
        .active_liens
        .checked_add(1)
        .ok_or(TitlesError::Overflow)?;
    property.invariant()?;
    let lien = &mut ctx.accounts.lien;
    lien.set_inner(Lien {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.lien,
        property: property.key(),
        holder: ctx.accounts.holder.key(),
        lien_id: args.lien_id,
        amount: args.amount,
        document_hash: args.document_hash,
        recorded_at: Clock::get()?.unix_timestamp,
    });
    emit(
        &ctx.accounts.event_authority,
        &LienRecorded {
            property: property.key(),
            lien: lien.key(),
            holder: lien.holder,
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
    pub property: Box<Account<'info, Property>>,
    /// The lien, closed here; rent to its holder.
    #[account(mut, has_one = property @ TitlesError::PropertyMismatch, has_one = holder @ TitlesError::LienHolderNotAuthorized, close = holder)]
    pub lien: Box<Account<'info, Lien>>,
    /// The lien holder.
    #[account(mut)]
    pub holder: Signer<'info>,
}

/// The lien holder releases its lien.
pub fn release(ctx: Context<LienRelease>) -> Result<()> {
    let property = &mut ctx.accounts.property;
    property.active_liens = property
        .active_liens
        .checked_sub(1)
        .ok_or(TitlesError::Overflow)?;
    property.invariant()?;
    let lien = &ctx.accounts.lien;
    emit(
        &ctx.accounts.event_authority,
        &LienReleased {
            property: property.key(),
            lien: lien.key(),
            holder: lien.holder,
            lien_id: lien.lien_id,
            active_liens: property.active_liens,
        },
    )?;
    Ok(())
}
