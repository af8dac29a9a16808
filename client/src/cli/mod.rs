//! The `fisc` command line, one module per program plus the indexer and offline signing.

pub mod bench;
pub mod budget;
pub mod ctx;
pub mod index;
pub mod out;
pub mod payment;
pub mod title;
pub mod tx;
