//! One module per instruction: accounts, args and handler together.

pub mod config_init;

pub use config_init::*;
