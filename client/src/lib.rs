//! # fisc-client
//!
//! What agencies and developers build on:
//! - [`ix`]: typed instruction builders for every instruction of the budget, disbursement and titles
//!   programs, from the program crates' generated `accounts` and `instruction` modules (no hand-written
//!   byte layouts);
//! - [`accounts`]: typed fetch and listing of the programs' accounts;
//! - [`offline`]: durable-nonce transactions signed by several parties on their own machines;
//! - [`submit`]: simulation, compute-unit limits, priority fees, confirmation, retries without double
//!   effects;
//! - [`errors`]: every program error explained for people;
//! - [`explorer`]: explorer links for the cluster in use;
//! - [`amount`], [`text`]: amounts in a mint's decimals and fixed-size text fields.
//!
//! No command-line parser and no database: the `fisc` CLI (crate `fisc`) and the indexer (crate
//! `fisc-indexer`) are built on this crate.

pub mod accounts;
pub mod amount;
pub mod errors;
pub mod explorer;
pub mod ix;
pub mod offline;
pub mod submit;
pub mod text;

pub use anchor_lang::prelude::Pubkey;
pub use anchor_lang::solana_program::instruction::Instruction;
pub use solana_transaction::Signature;
