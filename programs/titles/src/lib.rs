//! # fisc titles program
//!
//! The register of government property: registries per jurisdiction, property titles, transfers between
//! agencies with both sides' consent, liens, freezes, disposal and building records. Agencies and their
//! members' roles are read from the budget program.
//!
//! `lib.rs` only dispatches; each instruction lives in `instructions/<name>.rs`.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
#[cfg(not(target_os = "solana"))]
pub mod pda;
pub mod roles;
pub mod state;

pub use instructions::*;

#[cfg(all(feature = "fast-entrypoint", not(feature = "cpi")))]
budget::program_entrypoint!(entry, EVENT_AUTHORITY_AND_BUMP.0);

declare_id!("8e8qkmitTPCfPnVZczX7cDz96o3HuX4dpHCYFj4fCvog");

#[program]
pub mod titles {
    use super::*;

    /// Open a registry for a jurisdiction with its registrar; signed by the treasury's authority.
    #[access_control(args.validate())]
    pub fn registry_init(ctx: Context<RegistryInit>, args: RegistryInitArgs) -> Result<()> {
        instructions::registry_init::handler(ctx, args)
    }

    /// Propose a new registrar (step one of two); by the registrar.
    pub fn registry_registrar_propose(
        ctx: Context<RegistryRegistrarPropose>,
        proposed: Pubkey,
    ) -> Result<()> {
        instructions::registry_registrar::propose(ctx, proposed)
    }

    /// The proposed registrar accepts (step two of two).
    pub fn registry_registrar_accept(ctx: Context<RegistryRegistrarAccept>) -> Result<()> {
        instructions::registry_registrar::accept(ctx)
    }

    /// Authorise or revoke a lien holder; by the registrar.
    pub fn lien_holder_set(
        ctx: Context<LienHolderSetAccounts>,
        holder: Pubkey,
        active: bool,
    ) -> Result<()> {
        instructions::lien_holder_set::handler(ctx, holder, active)
    }

    /// Register a property for an active agency; by the registrar, or a property officer of an agency
    /// the registrar authorised for the registry.
    #[access_control(args.validate())]
    pub fn property_register(
        ctx: Context<PropertyRegister>,
        args: PropertyRegisterArgs,
    ) -> Result<()> {
        instructions::property_register::handler(ctx, args)
    }

    /// Update use, occupancy and condition; by the holder's property officer.
    pub fn property_update(
        ctx: Context<HolderOfficer>,
        use_code: u8,
        occupancy: u8,
        condition: u8,
    ) -> Result<()> {
        instructions::property_update::handler(ctx, use_code, occupancy, condition)
    }

    /// Offer the title to another agency; by the holder's property officer.
    pub fn title_transfer_offer(ctx: Context<TitleTransferOffer>) -> Result<()> {
        instructions::title_transfer::offer(ctx)
    }

    /// Accept an offered title; by the receiving agency's property officer.
    pub fn title_transfer_accept(ctx: Context<TitleTransferAccept>) -> Result<()> {
        instructions::title_transfer::accept(ctx)
    }

    /// Withdraw or decline a pending offer; by a property officer of either agency.
    pub fn title_transfer_cancel(ctx: Context<TitleTransferCancel>) -> Result<()> {
        instructions::title_transfer::cancel(ctx)
    }

    /// Record a lien; by an authorised lien holder.
    #[access_control(args.validate())]
    pub fn lien_record(ctx: Context<LienRecord>, args: LienRecordArgs) -> Result<()> {
        instructions::lien::record(ctx, args)
    }

    /// Release a lien; by its holder.
    pub fn lien_release(ctx: Context<LienRelease>) -> Result<()> {
        instructions::lien::release(ctx)
    }

    /// Freeze or unfreeze a property; by the registrar.
    pub fn property_freeze_set(
        ctx: Context<PropertyFreezeSetAccounts>,
        frozen: bool,
        document_hash: [u8; 32],
    ) -> Result<()> {
        instructions::property_freeze_set::handler(ctx, frozen, document_hash)
    }

    /// Dispose of a property (sale or demolition); by the holder's property officer.
    pub fn property_dispose(ctx: Context<HolderOfficer>, args: PropertyDisposeArgs) -> Result<()> {
        instructions::property_dispose::handler(ctx, args)
    }

    /// Add a building record (maintenance, inspection, occupancy, lease); by the holder's property officer.
    pub fn building_record_add(
        ctx: Context<HolderOfficer>,
        args: BuildingRecordArgs,
    ) -> Result<()> {
        instructions::building_record_add::handler(ctx, args)
    }

    /// Authorise or revoke an agency's registering of property in the registry; by the registrar.
    pub fn registry_agency_set(
        ctx: Context<RegistryAgencySetAccounts>,
        agency: Pubkey,
        active: bool,
    ) -> Result<()> {
        instructions::registry_agency_set::handler(ctx, agency, active)
    }

    /// Void a registration made in error (never transferred, no lien, no offer); by the registrar.
    #[access_control(args.validate())]
    pub fn property_void(ctx: Context<PropertyVoid>, args: PropertyVoidArgs) -> Result<()> {
        instructions::property_void::handler(ctx, args)
    }
}
