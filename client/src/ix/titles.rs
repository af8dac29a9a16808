//! Builders for the titles program's instructions.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::system_program;
use titles::accounts as acc;
use titles::constants::LIEN_ID_LEN;
use titles::instruction as data;
use titles::pda;

use super::anchor_ix;

fn ix(
    accounts: impl anchor_lang::ToAccountMetas,
    data: impl anchor_lang::InstructionData,
) -> Instruction {
    anchor_ix(titles::ID, accounts, data)
}

fn event_authority() -> Pubkey {
    pda::event_authority()
}

/// `registry_init`, signed by the budget treasury's central authority.
pub fn registry_init(
    payer: Pubkey,
    authority: Pubkey,
    args: titles::RegistryInitArgs,
) -> Instruction {
    ix(
        acc::RegistryInit {
            registry: pda::registry(&args.jurisdiction),
            treasury: budget::pda::treasury(),
            authority,
            payer,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::RegistryInit { args },
    )
}

/// `registry_registrar_propose`, by the registrar.
pub fn registry_registrar_propose(
    registry: Pubkey,
    registrar: Pubkey,
    proposed: Pubkey,
) -> Instruction {
    ix(
        acc::RegistryRegistrarPropose {
            registry,
            registrar,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::RegistryRegistrarPropose { proposed },
    )
}

/// `registry_registrar_accept`, by the proposed registrar.
pub fn registry_registrar_accept(registry: Pubkey, new_registrar: Pubkey) -> Instruction {
    ix(
        acc::RegistryRegistrarAccept {
            registry,
            new_registrar,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::RegistryRegistrarAccept {},
    )
}

/// `lien_holder_set`, by the registrar.
pub fn lien_holder_set(
    payer: Pubkey,
    registry: Pubkey,
    registrar: Pubkey,
    holder: Pubkey,
    active: bool,
) -> Instruction {
    ix(
        acc::LienHolderSetAccounts {
            registry,
            lien_holder: pda::lien_holder(&registry, &holder),
            registrar,
            payer,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::LienHolderSet { holder, active },
    )
}

/// `registry_agency_set`: the registrar authorises (`active`) or revokes `agency`'s registering of
/// property in `registry`.
pub fn registry_agency_set(
    payer: Pubkey,
    registry: Pubkey,
    registrar: Pubkey,
    agency: Pubkey,
    active: bool,
) -> Instruction {
    ix(
        acc::RegistryAgencySetAccounts {
            registry,
            registry_agency: pda::registry_agency(&registry, &agency),
            registrar,
            payer,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::RegistryAgencySet { agency, active },
    )
}

/// `property_void`: the registrar voids the registration of `property` (in `registry`), giving
/// `reason`; the title's rent returns to the registrar.
pub fn property_void(
    registry: Pubkey,
    registrar: Pubkey,
    property: Pubkey,
    reason: [u8; titles::constants::VOID_REASON_LEN],
) -> Instruction {
    ix(
        acc::PropertyVoid {
            registry,
            property,
            offer: pda::offer(&property),
            registrar,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::PropertyVoid {
            args: titles::PropertyVoidArgs { reason },
        },
    )
}

/// `property_register` held by `agency`, signed by the registrar (`officer_of_agency = false`) or by a
/// property officer of the agency, which the registrar must have authorised for `registry`.
pub fn property_register(
    payer: Pubkey,
    registry: Pubkey,
    agency: Pubkey,
    signer: Pubkey,
    officer_of_agency: bool,
    args: titles::PropertyRegisterArgs,
) -> Instruction {
    ix(
        acc::PropertyRegister {
            registry,
            agency,
            member: officer_of_agency.then(|| budget::pda::member(&agency, &signer)),
            registry_agency: officer_of_agency.then(|| pda::registry_agency(&registry, &agency)),
            signer,
            property: pda::property(&registry, &args.parcel_id),
            payer,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::PropertyRegister { args },
    )
}

fn holder_officer(property: Pubkey, agency: Pubkey, officer: Pubkey) -> acc::HolderOfficer {
    acc::HolderOfficer {
        property,
        agency,
        member: budget::pda::member(&agency, &officer),
        officer,
        event_authority: event_authority(),
        program: titles::ID,
    }
}

/// `property_update`, by a property officer of the holding `agency`.
pub fn property_update(
    property: Pubkey,
    agency: Pubkey,
    officer: Pubkey,
    use_code: u8,
    occupancy: u8,
    condition: u8,
) -> Instruction {
    ix(
        holder_officer(property, agency, officer),
        data::PropertyUpdate {
            use_code,
            occupancy,
            condition,
        },
    )
}

/// `property_dispose`, by a property officer of the holding `agency`.
pub fn property_dispose(
    property: Pubkey,
    agency: Pubkey,
    officer: Pubkey,
    args: titles::PropertyDisposeArgs,
) -> Instruction {
    ix(
        holder_officer(property, agency, officer),
        data::PropertyDispose { args },
    )
}

/// `building_record_add`, by a property officer of the holding `agency`.
pub fn building_record_add(
    property: Pubkey,
    agency: Pubkey,
    officer: Pubkey,
    args: titles::BuildingRecordArgs,
) -> Instruction {
    ix(
        holder_officer(property, agency, officer),
        data::BuildingRecordAdd { args },
    )
}

/// `title_transfer_offer` from the holding `agency` to `to_agency`, by a property officer who pays the
/// offer's rent.
pub fn title_transfer_offer(
    property: Pubkey,
    agency: Pubkey,
    officer: Pubkey,
    to_agency: Pubkey,
) -> Instruction {
    ix(
        acc::TitleTransferOffer {
            property,
            agency,
            member: budget::pda::member(&agency, &officer),
            officer,
            to_agency,
            offer: pda::offer(&property),
            officer_payer: officer,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::TitleTransferOffer {},
    )
}

/// `title_transfer_accept` by a property officer of `to_agency`; `offer_payer` paid the offer.
pub fn title_transfer_accept(
    property: Pubkey,
    to_agency: Pubkey,
    officer: Pubkey,
    offer_payer: Pubkey,
) -> Instruction {
    ix(
        acc::TitleTransferAccept {
            property,
            offer: pda::offer(&property),
            to_agency,
            member: budget::pda::member(&to_agency, &officer),
            officer,
            offer_payer,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::TitleTransferAccept {},
    )
}

/// `title_transfer_cancel` by a property officer of either agency (`agency`).
pub fn title_transfer_cancel(
    property: Pubkey,
    agency: Pubkey,
    officer: Pubkey,
    offer_payer: Pubkey,
) -> Instruction {
    ix(
        acc::TitleTransferCancel {
            offer: pda::offer(&property),
            agency,
            member: budget::pda::member(&agency, &officer),
            officer,
            offer_payer,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::TitleTransferCancel {},
    )
}

/// `lien_record` by an authorised lien `holder` of the property's registry.
pub fn lien_record(
    property: Pubkey,
    registry: Pubkey,
    holder: Pubkey,
    args: titles::LienRecordArgs,
) -> Instruction {
    ix(
        acc::LienRecord {
            property,
            authorization: pda::lien_holder(&registry, &holder),
            holder,
            lien: pda::lien(&property, &holder, &args.lien_id),
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::LienRecord { args },
    )
}

/// `lien_release` by the lien's holder.
pub fn lien_release(property: Pubkey, holder: Pubkey, lien_id: &[u8; LIEN_ID_LEN]) -> Instruction {
    ix(
        acc::LienRelease {
            property,
            lien: pda::lien(&property, &holder, lien_id),
            holder,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::LienRelease {},
    )
}

/// `property_freeze_set`, by the registrar.
pub fn property_freeze_set(
    property: Pubkey,
    registry: Pubkey,
    registrar: Pubkey,
    frozen: bool,
    document_hash: [u8; 32],
) -> Instruction {
    ix(
        acc::PropertyFreezeSetAccounts {
            property,
            registry,
            registrar,
            event_authority: event_authority(),
            program: titles::ID,
        },
        data::PropertyFreezeSet {
            frozen,
            document_hash,
        },
    )
}
