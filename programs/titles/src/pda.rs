//! Off-chain derivation of the program's addresses, for clients and tests (never compiled on chain,
//! where handlers use the stored bumps).

use anchor_lang::prelude::Pubkey;

use crate::constants::{JURISDICTION_LEN, SEED_REGISTRY};

/// The registry of a jurisdiction.
pub fn registry(jurisdiction: &[u8; JURISDICTION_LEN]) -> Pubkey {
    Pubkey::find_program_address(&[SEED_REGISTRY, jurisdiction], &crate::ID).0
}

/// The `emit_cpi!` event authority of this program.
pub fn event_authority() -> Pubkey {
    Pubkey::find_program_address(&[b"__event_authority"], &crate::ID).0
}

/// The title of `parcel_id` in `registry`.
pub fn property(registry: &Pubkey, parcel_id: &[u8; crate::constants::PARCEL_ID_LEN]) -> Pubkey {
    Pubkey::find_program_address(
        &[
            crate::constants::SEED_PROPERTY,
            registry.as_ref(),
            parcel_id,
        ],
        &crate::ID,
    )
    .0
}

/// The pending transfer offer of `property`.
pub fn offer(property: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(
        &[crate::constants::SEED_OFFER, property.as_ref()],
        &crate::ID,
    )
    .0
}

/// The authorisation of lien `holder` in `registry`.
pub fn lien_holder(registry: &Pubkey, holder: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(
        &[
            crate::constants::SEED_LIEN_HOLDER,
            registry.as_ref(),
            holder.as_ref(),
        ],
        &crate::ID,
    )
    .0
}

/// The registrar's authorisation of `agency` to register property in `registry`.
pub fn registry_agency(registry: &Pubkey, agency: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(
        &[
            crate::constants::SEED_REGISTRY_AGENCY,
            registry.as_ref(),
            agency.as_ref(),
        ],
        &crate::ID,
    )
    .0
}

/// The lien `lien_id` of `holder` on `property`.
pub fn lien(
    property: &Pubkey,
    holder: &Pubkey,
    lien_id: &[u8; crate::constants::LIEN_ID_LEN],
) -> Pubkey {
    Pubkey::find_program_address(
        &[
            crate::constants::SEED_LIEN,
            property.as_ref(),
            holder.as_ref(),
            lien_id,
        ],
        &crate::ID,
    )
    .0
}
