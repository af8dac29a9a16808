//! `fisc tx sign|submit|show` and `fisc nonce create|show`: transactions built with --sign-later,
//! signed on other machines (no network needed to sign), submitted once everyone has signed.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use solana_keypair::{read_keypair_file, Keypair};
use solana_signer::Signer;

use fisc_client::offline::{self, missing_signers, TxFile};

use crate::ctx::{pubkey, Ctx};

#[derive(Subcommand)]
pub enum TxCommand {
    /// Add the --keypair's signature to a transaction file (offline: no RPC is contacted).
    Sign { file: PathBuf },
    /// Send a fully signed transaction file and confirm it.
    Submit { file: PathBuf },
    /// Show what a transaction file does and who still has to sign.
    Show { file: PathBuf },
}

#[derive(Subcommand)]
pub enum NonceCommand {
    /// Create a durable nonce account controlled by the fee payer.
    Create {
        /// Keypair file for the new nonce account (created if missing).
        #[arg(long)]
        nonce_keypair: PathBuf,
    },
    /// Show a nonce account's current value and authority.
    Show { address: String },
}

/// Signs offline: needs only the file and the keypair.
pub fn sign(file: &std::path::Path, keypair: &Keypair) -> Result<()> {
    let (meta, mut tx) = TxFile::load(file)?;
    offline::sign(&mut tx, keypair)
        .with_context(|| format!("{} ({})", file.display(), meta.description))?;
    TxFile::save(file, &meta.description, &pubkey("nonce", &meta.nonce)?, &tx)?;
    let left = missing_signers(&tx);
    if left.is_empty() {
        outln!(
            "signed by {}; every signer has signed: `fisc tx submit {}`",
            keypair.pubkey(),
            file.display()
        );
    } else {
        let left: Vec<String> = left.iter().map(|k| k.to_string()).collect();
        outln!(
            "signed by {}; still to sign: {}",
            keypair.pubkey(),
            left.join(", ")
        );
    }
    Ok(())
}

pub fn tx(ctx: &Ctx, command: TxCommand) -> Result<()> {
    match command {
        TxCommand::Sign { .. } => unreachable!("signing needs no connection; main dispatches it"),
        TxCommand::Submit { file } => {
            let (meta, tx) = TxFile::load(&file)?;
            let missing = missing_signers(&tx);
            if !missing.is_empty() {
                let missing: Vec<String> = missing.iter().map(|k| k.to_string()).collect();
                bail!(
                    "{} still needs the signature of {}: run `fisc tx sign {}` with their keypair",
                    file.display(),
                    missing.join(", "),
                    file.display()
                );
            }
            let landed = ctx
                .client
                .send_signed(&tx, &pubkey("nonce", &meta.nonce)?)?;
            ctx.print_one(vec![
                ("action", meta.description),
                ("signature", landed.signature.to_string()),
                ("explorer", ctx.client.explorer.tx(&landed.signature)),
            ]);
            Ok(())
        }
        TxCommand::Show { file } => {
            let (meta, tx) = TxFile::load(&file)?;
            let required = usize::from(tx.message.header.num_required_signatures);
            let missing = missing_signers(&tx);
            let signers: Vec<String> = tx.message.account_keys[..required]
                .iter()
                .map(|k| {
                    format!(
                        "{k} ({})",
                        if missing.contains(k) {
                            "missing"
                        } else {
                            "signed"
                        }
                    )
                })
                .collect();
            ctx.print_one(vec![
                ("action", meta.description),
                ("nonce", meta.nonce),
                ("signers", signers.join(", ")),
                ("instructions", tx.message.instructions.len().to_string()),
            ]);
            Ok(())
        }
    }
}

pub fn nonce(ctx: &Ctx, command: NonceCommand) -> Result<()> {
    match command {
        NonceCommand::Create { nonce_keypair } => {
            let keypair = if nonce_keypair.exists() {
                read_keypair_file(&nonce_keypair)
                    .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", nonce_keypair.display()))?
            } else {
                let k = Keypair::new();
                solana_keypair::write_keypair_file(&k, &nonce_keypair).map_err(|e| {
                    anyhow::anyhow!("cannot write {}: {e}", nonce_keypair.display())
                })?;
                k
            };
            let rent = ctx.client.with_retries(|rpc| {
                rpc.get_minimum_balance_for_rent_exemption(solana_nonce::state::State::size())
            })?;
            let ixs = solana_system_interface::instruction::create_nonce_account(
                &ctx.payer(),
                &keypair.pubkey(),
                &ctx.payer(),
                rent,
            );
            ctx.submit_with(
                &format!("nonce account {} created", keypair.pubkey()),
                ixs,
                &[&keypair],
            )
        }
        NonceCommand::Show { address } => {
            let address = pubkey("nonce", &address)?;
            let account = solana_rpc_client_nonce_utils::get_account(&ctx.client.rpc, &address)
                .with_context(|| format!("no nonce account {address}"))?;
            let data = solana_rpc_client_nonce_utils::data_from_account(&account)?;
            ctx.print_one(vec![
                ("nonce", address.to_string()),
                ("value", data.blockhash().to_string()),
                ("authority", data.authority.to_string()),
            ]);
            Ok(())
        }
    }
}
