use anchor_lang::prelude::*;

/// An agency the registrar has authorised to register property in a registry: its property
/// officers may then register parcels there for it (the registrar always may).
///
/// Zero-copy: `property_register` checks it in place. No padding under `repr(C)`.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct RegistryAgency {
    /// The registry.
    pub registry: Pubkey,
    /// The agency (a budget program account).
    pub agency: Pubkey,
    /// Layout version of this account.
    pub version: u8,
    /// Bump of the authorisation PDA.
    pub bump: u8,
    /// 1 while authorised; 0 once the registrar revokes it (titles registered before stay).
    pub active: u8,
}

const _: () = assert!(core::mem::size_of::<RegistryAgency>() == 67);

impl RegistryAgency {
    /// Account size: the discriminator and the fields.
    pub const SPACE: usize = 8 + core::mem::size_of::<RegistryAgency>();

    /// True while the registrar's authorisation of `agency` in `registry` stands.
    pub fn authorizes(&self, registry: &Pubkey, agency: &Pubkey) -> bool {
        self.active != 0 && self.registry == *registry && self.agency == *agency
    }
}
