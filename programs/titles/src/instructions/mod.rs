//! One module per instruction (or per pair of two-step instructions): accounts, args and handlers.
// Every module exports its handlers; the program calls them by path, never through the glob.
#![allow(ambiguous_glob_reexports)]

pub mod building_record_add;
pub mod holder_officer;
pub mod lien;
pub mod lien_holder_set;
pub mod property_dispose;
pub mod property_freeze_set;
pub mod property_register;
pub mod property_update;
pub mod property_void;
pub mod registry_agency_set;
pub mod registry_init;
pub mod registry_registrar;
pub mod title_transfer;

pub use building_record_add::*;
pub use holder_officer::*;
pub use lien::*;
pub use lien_holder_set::*;
pub use property_dispose::*;
pub use property_freeze_set::*;
pub use property_register::*;
pub use property_void::*;
pub use registry_agency_set::*;
pub use registry_init::*;
pub use registry_registrar::*;
pub use title_transfer::*;
