use anchor_lang::prelude::*;
use budget::pda_account;
use budget::state::{Agency, Member};

use crate::constants::{ACCOUNT_VERSION, PARCEL_ID_LEN, SEED_PROPERTY};
use crate::errors::TitlesError;
use crate::events::{emit, PropertyRegistered};
use crate::roles::require_property_officer;
use crate::state::{Property, Registry, RegistryAgency};

/// Arguments of `property_register`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct PropertyRegisterArgs {
    /// Parcel id, unique in the registry (printable ASCII, zero-padded).
    pub parcel_id: [u8; PARCEL_ID_LEN],
    /// Land (0), building (1) or facility (2).
    pub kind: u8,
    /// Latitude in microdegrees.
    pub latitude: i32,
    /// Longitude in microdegrees.
    pub longitude: i32,
    /// Hash of the legal description.
    pub legal_description_hash: [u8; 32],
    /// Area in square metres.
    pub area_sq_m: u32,
    /// Acquisition cost.
    pub acquisition_cost: u64,
    /// Acquisition date (Unix time).
    pub acquisition_date: i64,
    /// Hash of the deed.
    pub deed_hash: [u8; 32],
}

impl PropertyRegisterArgs {
    pub fn validate(&self) -> Result<()> {
        Property::check_fields(&self.parcel_id, self.kind, self.latitude, self.longitude)
    }
}

#[event_cpi]
#[derive(Accounts)]
#[instruction(args: PropertyRegisterArgs)]
pub struct PropertyRegister<'info> {
    /// The registry.
    #[account(mut)]
    pub registry: AccountLoader<'info, Registry>,
    /// The holding agency (budget program); active.
    #[account(constraint = agency.load()?.is_active() @ TitlesError::AgencyInactive)]
    pub agency: AccountLoader<'info, Agency>,
    /// The signer's membership in the agency; omitted when the registrar registers.
    pub member: Option<AccountLoader<'info, Member>>,
    /// The registrar's authorisation of the agency in this registry (`registry_agency_set`); omitted
    /// when the registrar registers.
    pub registry_agency: Option<AccountLoader<'info, RegistryAgency>>,
    /// The registrar, or a property officer of an agency the registrar authorised.
    pub signer: Signer<'info>,
    /// The title, created here at the canonical PDA `[SEED_PROPERTY, registry, parcel id]`: one per
    /// parcel id per registry.
    /// CHECK: created by the handler through `budget::pda_account::create`, which checks the address.
    #[account(mut)]
    pub property: UncheckedAccount<'info>,
    /// Pays the title's rent.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// Register a property held by `agency`.
pub fn handler(ctx: Context<PropertyRegister>, args: PropertyRegisterArgs) -> Result<()> {
    let signer = ctx.accounts.signer.key();
    let agency = ctx.accounts.agency.key();
    let registry_key = ctx.accounts.registry.key();
    let mut registry = ctx.accounts.registry.load_mut()?;
    if signer != registry.registrar {
        let member = ctx
            .accounts
            .member
            .as_ref()
            .ok_or(TitlesError::NotPropertyOfficer)?;
        require_property_officer(member, &agency, &signer)?;
        let authorised = match &ctx.accounts.registry_agency {
            Some(auth) => auth.load()?.authorizes(&registry_key, &agency),
            None => false,
        };
        require!(authorised, TitlesError::AgencyNotAuthorized);
    }
    registry.property_count = registry
        .property_count
        .checked_add(1)
        .ok_or(TitlesError::Overflow)?;
    let property = ctx.accounts.property.key();
    let bump = pda_account::create(
        &crate::ID,
        &ctx.accounts.payer,
        &ctx.accounts.property,
        &[
            SEED_PROPERTY,
            registry_key.as_ref(),
            args.parcel_id.as_ref(),
        ],
        Property::SPACE,
    )?;
    let title = Property {
        registry: registry_key,
        parcel_id: args.parcel_id,
        kind: args.kind,
        holder: agency,
        latitude: args.latitude,
        longitude: args.longitude,
        legal_description_hash: args.legal_description_hash,
        area_sq_m: args.area_sq_m,
        acquisition_cost: args.acquisition_cost,
        acquisition_date: args.acquisition_date,
        deed_hash: args.deed_hash,
        transfer_seq: 0,
        building_records: 0,
        version: ACCOUNT_VERSION,
        bump,
        use_code: 0,
        occupancy: 0,
        condition: 0,
        active_liens: 0,
        flags: 0,
    };
    title.invariant()?;
    pda_account::write_zero_copy(&ctx.accounts.property, &title)?;
    registry.invariant()?;
    drop(registry);
    emit(
        &ctx.accounts.event_authority,
        &PropertyRegistered {
            property,
            registry: registry_key,
            parcel_id: args.parcel_id,
            kind: args.kind,
            holder: agency,
            latitude: args.latitude,
            longitude: args.longitude,
            legal_description_hash: args.legal_description_hash,
            area_sq_m: args.area_sq_m,
            acquisition_cost: args.acquisition_cost,
            acquisition_date: args.acquisition_date,
            deed_hash: args.deed_hash,
            registered_by: signer,
        },
    )?;
    Ok(())
}
