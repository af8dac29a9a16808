//! Named keypairs for a local chain: `<dir>/<name>.json` in the Solana CLI's keypair format, created on
//! first use. (Real agencies sign with their own keypair files, hardware wallets or multisigs.)

use std::path::PathBuf;

use anyhow::{Context, Result};
use solana_keypair::{read_keypair_file, write_keypair_file, Keypair};

/// A directory of named keypairs.
#[derive(Clone, Debug)]
pub struct Keys {
    dir: PathBuf,
}

impl Keys {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The keypair named `name`, created if it does not exist yet.
    pub fn get(&self, name: &str) -> Result<Keypair> {
        let path = self.dir.join(format!("{name}.json"));
        if path.exists() {
            return read_keypair_file(&path)
                .map_err(|e| anyhow::anyhow!("reading keypair {}: {e}", path.display()));
        }
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("creating {}", self.dir.display()))?;
        let keypair = Keypair::new();
        write_keypair_file(&keypair, &path)
            .map_err(|e| anyhow::anyhow!("writing keypair {}: {e}", path.display()))?;
        Ok(keypair)
    }
}
