//! # fisc-client
//!
//! What agencies and developers build on: typed instruction builders for every instruction of the
//! budget, disbursement and titles programs ([`ix`]), built from the program crates' generated
//! `accounts` and `instruction` modules, never from hand-written byte layouts.

pub mod ix;

pub use anchor_lang::prelude::Pubkey;
pub use anchor_lang::solana_program::instruction::Instruction;
