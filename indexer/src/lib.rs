//! # fisc-indexer
//!
//! fisc's history from a cluster's RPC into SQLite or PostgreSQL.
//!
//! - [`decode`]: transactions to instructions and `emit_cpi!` events through the programs' IDLs;
//! - [`store`]: the database, its migrations, atomic idempotent writes with the cursors;
//! - [`projection`]: the tables built from the events (budget accounts, obligations, outlays,
//!   payment requests, approvals, properties, transfers, liens, building records);
//! - [`source`]: backfill and follow over JSON-RPC, finality and forks;
//! - [`audit`]: the index against the accounts on chain;
//! - [`export`]: DATA Act-style CSV files and OCDS JSON.

pub mod audit;
pub mod decode;
pub mod export;
pub mod projection;
pub mod source;
pub mod store;
