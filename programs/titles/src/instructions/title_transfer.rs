use anchor_lang::prelude::*;
use budget::state::{Agency, Member};

use crate::constants::{ACCOUNT_VERSION, SEED_OFFER};
use crate::errors::TitlesError;
use crate::events::{emit, TransferAccepted, TransferCancelled, TransferOffered};
use crate::roles::require_property_officer;
use crate::state::{Property, TransferOffer};

/// Accounts of `title_transfer_offer`.
#[event_cpi]
#[derive(Accounts)]
pub struct TitleTransferOffer<'info> {
    /// The property; held by `agency`.
    #[account(constraint = property.load()?.holder == agency.key() @ TitlesError::PropertyMismatch)]
    pub property: AccountLoader<'info, Property>,
    /// The holding agency (budget program).
    pub agency: AccountLoader<'info, Agency>,
    /// The officer's membership in the holding agency.
    pub member: AccountLoader<'info, Member>,
    /// A property officer of the holding agency.
    pub officer: Signer<'info>,
    /// The receiving agency (budget program).
    pub to_agency: AccountLoader<'info, Agency>,
    /// The offer, created here; one pending offer per property.
    #[account(init, payer = officer_payer, space = 8 + TransferOffer::INIT_SPACE, seeds = [SEED_OFFER, property.key().as_ref()], bump)]
    pub offer: Box<Account<'info, TransferOffer>>,
    /// Pays the offer's rent (returned when it closes).
    #[account(mut)]
    pub officer_payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// The holder offers the title to another agency. Not while frozen, under a lien or disposed.
pub fn offer(ctx: Context<TitleTransferOffer>) -> Result<()> {
    let officer = ctx.accounts.officer.key();
    let from_agency = ctx.accounts.agency.key();
    let to_agency = ctx.accounts.to_agency.key();
    require_property_officer(&ctx.accounts.member, &from_agency, &officer)?;
    ctx.accounts.property.load()?.require_movable()?;
    require_keys_neq!(to_agency, from_agency, TitlesError::SameHolder);
    let offer = &mut ctx.accounts.offer;
    offer.set_inner(TransferOffer {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.offer,
        property: ctx.accounts.property.key(),
        from_agency,
        to_agency,
        offered_by: ctx.accounts.officer_payer.key(),
        offered_at: Clock::get()?.unix_timestamp,
    });
    emit(
        &ctx.accounts.event_authority,
        &TransferOffered {
            property: ctx.accounts.property.key(),
            offer: offer.key(),
            from_agency,
            to_agency,
            offered_by: officer,
        },
    )?;
    Ok(())
}

/// Accounts of `title_transfer_accept`.
#[event_cpi]
#[derive(Accounts)]
pub struct TitleTransferAccept<'info> {
    /// The property.
    #[account(mut)]
    pub property: AccountLoader<'info, Property>,
    /// The pending offer for it, closed here; rent to whoever paid it.
    #[account(
        mut,
        has_one = property @ TitlesError::OfferMismatch,
        has_one = to_agency @ TitlesError::NotReceiver,
        constraint = offer.offered_by == offer_payer.key() @ TitlesError::OfferMismatch,
        close = offer_payer,
    )]
    pub offer: Box<Account<'info, TransferOffer>>,
    /// The receiving agency (budget program).
    /// CHECK: by key only; the offer's (a real agency when it was made) and the membership's.
    pub to_agency: UncheckedAccount<'info>,
    /// The officer's membership in the receiving agency.
    pub member: AccountLoader<'info, Member>,
    /// A property officer of the receiving agency.
    pub officer: Signer<'info>,
    /// The offer's payer, receiving its rent.
    /// CHECK: checked against the offer.
    #[account(mut)]
    pub offer_payer: UncheckedAccount<'info>,
}

/// The receiving agency accepts: the title moves and its chain grows. Liens and freezes are checked
/// again here, so one recorded after the offer still blocks it.
pub fn accept(ctx: Context<TitleTransferAccept>) -> Result<()> {
    let officer = ctx.accounts.officer.key();
    let to_agency = ctx.accounts.to_agency.key();
    require_property_officer(&ctx.accounts.member, &to_agency, &officer)
        .map_err(|_| error!(TitlesError::NotReceiver))?;
    let mut property = ctx.accounts.property.load_mut()?;
    require_keys_eq!(
        ctx.accounts.offer.from_agency,
        property.holder,
        TitlesError::OfferMismatch
    );
    let previous_holder = property.holder;
    property.transfer_to(to_agency)?;
    property.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &TransferAccepted {
            property: ctx.accounts.property.key(),
            previous_holder,
            holder: to_agency,
            transfer_seq: property.transfer_seq,
            accepted_by: officer,
        },
    )?;
    Ok(())
}

/// Accounts of `title_transfer_cancel`.
#[event_cpi]
#[derive(Accounts)]
pub struct TitleTransferCancel<'info> {
    /// The pending offer, closed here; rent to whoever paid it.
    #[account(
        mut,
        constraint = offer.offered_by == offer_payer.key() @ TitlesError::OfferMismatch,
        constraint = offer.from_agency == agency.key() || offer.to_agency == agency.key() @ TitlesError::OfferMismatch,
        close = offer_payer,
    )]
    pub offer: Box<Account<'info, TransferOffer>>,
    /// Either agency of the offer (budget program).
    /// CHECK: by key only; the offer's (real agencies when it was made) and the membership's.
    pub agency: UncheckedAccount<'info>,
    /// The officer's membership in that agency.
    pub member: AccountLoader<'info, Member>,
    /// A property officer of either agency.
    pub officer: Signer<'info>,
    /// The offer's payer, receiving its rent.
    /// CHECK: checked against the offer.
    #[account(mut)]
    pub offer_payer: UncheckedAccount<'info>,
}

/// Either side withdraws or declines a pending offer.
pub fn cancel(ctx: Context<TitleTransferCancel>) -> Result<()> {
    let officer = ctx.accounts.officer.key();
    require_property_officer(&ctx.accounts.member, &ctx.accounts.agency.key(), &officer)?;
    let offer = &ctx.accounts.offer;
    emit(
        &ctx.accounts.event_authority,
        &TransferCancelled {
            property: offer.property,
            from_agency: offer.from_agency,
            to_agency: offer.to_agency,
            cancelled_by: officer,
        },
    )?;
    Ok(())
}
