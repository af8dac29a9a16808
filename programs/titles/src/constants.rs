//! PDA seeds and protocol constants.

/// Seed of a registry: `[SEED_REGISTRY, jurisdiction]`.
pub const SEED_REGISTRY: &[u8] = b"registry";
/// Seed of a property title: `[SEED_PROPERTY, registry, parcel id]`.
pub const SEED_PROPERTY: &[u8] = b"property";
/// Seed of a pending transfer offer: `[SEED_OFFER, property]`.
pub const SEED_OFFER: &[u8] = b"offer";
/// Seed of a lien holder's authorisation: `[SEED_LIEN_HOLDER, registry, holder]`.
pub const SEED_LIEN_HOLDER: &[u8] = b"lien_holder";
/// Seed of an agency's authorisation to register property in a registry:
/// `[SEED_REGISTRY_AGENCY, registry, agency]`.
pub const SEED_REGISTRY_AGENCY: &[u8] = b"registry_agency";
/// Seed of a lien: `[SEED_LIEN, property, holder, lien id]`.
pub const SEED_LIEN: &[u8] = b"lien";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Bytes of a jurisdiction code (ASCII, zero-padded), e.g. `US-DC`.
pub const JURISDICTION_LEN: usize = 8;
/// Bytes of a registry's display name (UTF-8, zero-padded).
pub const NAME_LEN: usize = 32;
/// Bytes of a parcel id (ASCII, zero-padded), e.g. an assessor's parcel number.
pub const PARCEL_ID_LEN: usize = 24;
/// Bytes of the reason a registrar gives for voiding a registration (UTF-8, zero-padded).
pub const VOID_REASON_LEN: usize = 64;
/// Bytes of a lien id (ASCII, zero-padded), e.g. a docket number.
pub const LIEN_ID_LEN: usize = 16;
