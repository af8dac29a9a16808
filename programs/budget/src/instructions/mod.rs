//! One module per instruction: accounts, args and handler together.

pub mod treasury_init;

pub use treasury_init::*;
