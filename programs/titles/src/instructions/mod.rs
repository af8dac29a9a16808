//! One module per instruction: accounts, args and handler together.

pub mod registry_init;

pub use registry_init::*;
