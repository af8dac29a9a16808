//! Offline and multi-party signing: a transaction built on a durable nonce (so it does not expire),
//! written to a file, signed by each signer on their own machine, submitted later with
//! [`Client::send_signed`](crate::submit::Client::send_signed).

use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use base64::Engine;
use serde::{Deserialize, Serialize};
use solana_compute_budget_interface::ComputeBudgetInstruction;
use solana_keypair::Keypair;
use solana_message::Message;
use solana_rpc_client_api::config::RpcSimulateTransactionConfig;
use solana_signer::Signer;
use solana_transaction::{Signature, Transaction};

use crate::errors::explain;
use crate::submit::Client;
use crate::{Instruction, Pubkey};

/// A transaction file: what it does, its nonce account, and the transaction with the signatures so far.
#[derive(Serialize, Deserialize)]
pub struct TxFile {
    /// What it does, for the signers.
    pub description: String,
    /// The durable nonce account whose value is the transaction's blockhash.
    pub nonce: String,
    /// The transaction in Solana's wire format (bincode), base64.
    pub transaction: String,
}

impl TxFile {
    /// Reads a transaction file.
    pub fn load(path: &Path) -> Result<(TxFile, Transaction)> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let file: TxFile = serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is not a transaction file written by fisc",
                path.display()
            )
        })?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&file.transaction)
            .with_context(|| format!("{}: the transaction is not base64", path.display()))?;
        let tx: Transaction = bincode::deserialize(&bytes)
            .with_context(|| format!("{}: the transaction does not decode", path.display()))?;
        Ok((file, tx))
    }

    /// Writes a transaction file.
    pub fn save(path: &Path, description: &str, nonce: &Pubkey, tx: &Transaction) -> Result<()> {
        let file = TxFile {
            description: description.to_string(),
            nonce: nonce.to_string(),
            transaction: base64::engine::general_purpose::STANDARD.encode(bincode::serialize(tx)?),
        };
        std::fs::write(path, serde_json::to_string_pretty(&file)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))
    }
}

/// The signers a transaction still needs.
pub fn missing_signers(tx: &Transaction) -> Vec<Pubkey> {
    let required = usize::from(tx.message.header.num_required_signatures);
    tx.message.account_keys[..required]
        .iter()
        .zip(&tx.signatures)
        .filter(|(_, s)| **s == Signature::default())
        .map(|(k, _)| *k)
        .collect()
}

/// Builds `ixs` on the durable nonce `nonce` (controlled by the client's payer, who pays the fee),
/// with a compute-unit limit from a simulation that needs no signatures, signed by the payer and
/// `signers`; the other signers add theirs with [`sign`].
pub fn build(
    client: &Client,
    ixs: &[Instruction],
    signers: &[&Keypair],
    nonce: &Pubkey,
) -> Result<Transaction> {
    let payer = client.payer.pubkey();
    let account = solana_rpc_client_nonce_utils::get_account_with_commitment(
        &client.rpc,
        nonce,
        client.config.commitment,
    )
    .map_err(|e| anyhow!("nonce account {nonce}: {e} (create one with `fisc nonce create`)"))?;
    let data = solana_rpc_client_nonce_utils::data_from_account(&account)
        .map_err(|e| anyhow!("nonce account {nonce}: {e}"))?;
    if data.authority != payer {
        bail!(
            "nonce account {nonce} is controlled by {}, not by the fee payer {payer}",
            data.authority
        );
    }
    let blockhash = data.blockhash();
    let with_limit = |units: u32| {
        let all = [
            vec![
                solana_system_interface::instruction::advance_nonce_account(nonce, &payer),
                ComputeBudgetInstruction::set_compute_unit_limit(units),
            ],
            ixs.to_vec(),
        ]
        .concat();
        Transaction::new_unsigned(Message::new_with_blockhash(&all, Some(&payer), &blockhash))
    };
    // Refused before the simulation and before anyone signs: a file that can never be submitted would
    // cost every signer a round. The limit's value does not change the size.
    crate::submit::check_size(&with_limit(1_400_000))?;
    // The instructions alone are simulated: a nonce cannot advance in the slot it was set, and the
    // advance costs little (the margin covers it).
    let probe =
        Transaction::new_unsigned(Message::new_with_blockhash(ixs, Some(&payer), &blockhash));
    let simulated = client
        .with_retries(|rpc| {
            rpc.simulate_transaction_with_config(
                &probe,
                RpcSimulateTransactionConfig {
                    sig_verify: false,
                    replace_recent_blockhash: true,
                    commitment: Some(solana_commitment_config::CommitmentConfig::processed()),
                    ..Default::default()
                },
            )
        })?
        .value;
    if let Some(err) = simulated.err {
        let programs: Vec<Pubkey> = ixs.iter().map(|i| i.program_id).collect();
        bail!(
            "{}",
            explain(&err.into(), &programs, &simulated.logs.unwrap_or_default())
        );
    }
    let used = simulated.units_consumed.unwrap_or(200_000);
    let mut tx = with_limit((used + used / 5 + 1_000).min(1_400_000) as u32);
    let signers: Vec<&Keypair> = std::iter::once(&client.payer)
        .chain(signers.iter().copied())
        .collect();
    tx.try_partial_sign(&signers, blockhash)?;
    Ok(tx)
}

/// Adds `keypair`'s signature (no network needed).
pub fn sign(tx: &mut Transaction, keypair: &Keypair) -> Result<()> {
    let required = usize::from(tx.message.header.num_required_signatures);
    if !tx.message.account_keys[..required].contains(&keypair.pubkey()) {
        bail!("{} is not a signer of this transaction", keypair.pubkey());
    }
    if !missing_signers(tx).contains(&keypair.pubkey()) {
        bail!("{} has already signed", keypair.pubkey());
    }
    let blockhash = tx.message.recent_blockhash;
    tx.try_partial_sign(&[keypair], blockhash)?;
    Ok(())
}
