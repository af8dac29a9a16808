//! Reading fisc's history from a cluster's RPC: signature paging per program back to the stored
//! cursor, transactions fetched with bounded concurrency and retried with backoff, written in chain
//! order with the cursors in the same database transaction; finality and fork handling.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::future::Future;
use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use futures::stream::{self, StreamExt, TryStreamExt};
use indicatif::{ProgressBar, ProgressStyle};
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use solana_rpc_client::rpc_client::GetConfirmedSignaturesForAddress2Config;
use solana_rpc_client_api::client_error::Error as ClientError;
use solana_rpc_client_api::config::{RpcBlockConfig, RpcTransactionConfig};
use solana_rpc_client_api::response::RpcConfirmedTransactionStatusWithSignature;
use solana_signature::Signature;
use solana_transaction_status_client_types::{
    EncodedConfirmedTransactionWithStatusMeta, TransactionConfirmationStatus, TransactionDetails,
    UiTransactionEncoding,
};

use super::decode::Decoder;
use super::store::{cursor_key, Store};
use anchor_lang::prelude::Pubkey;

/// How the indexer reads.
#[derive(Debug, Clone)]
pub struct SourceConfig {
    /// Transactions fetched at once.
    pub concurrency: usize,
    /// Tries per RPC call before giving up.
    pub attempts: u32,
    /// Show a progress bar.
    pub progress: bool,
}

impl Default for SourceConfig {
    fn default() -> Self {
        Self {
            concurrency: 8,
            attempts: 6,
            progress: false,
        }
    }
}

/// What a pass did.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassStats {
    /// Signatures newer than the cursors.
    pub seen: usize,
    /// Transactions written (the others were indexed already).
    pub written: usize,
    /// Transactions marked finalized.
    pub finalized: usize,
    /// Transactions removed: their finalized block does not hold them (a fork that did not survive).
    pub removed: usize,
    /// Transactions at or below the finalized slot whose fate the node could not tell (no status, and
    /// their block unreadable at `finalized`): kept, asked again next pass.
    pub undecided: usize,
}

/// The RPC side of the indexer.
pub struct Source {
    rpc: RpcClient,
    decoder: Decoder,
    config: SourceConfig,
}

/// Retries an RPC call on transport faults (timeouts, 429, dropped connections) with exponential
/// backoff; the final error names the call.
pub async fn with_retries<T, F, Fut>(what: &str, attempts: u32, mut call: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, ClientError>>,
{
    let mut delay = Duration::from_millis(200);
    let mut tries = 0;
    loop {
        tries += 1;
        match call().await {
            Ok(v) => return Ok(v),
            Err(e) if tries < attempts && retryable(&e) => {
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
            Err(e) => return Err(anyhow!("{what} failed after {tries} tries: {e}")),
        }
    }
}

fn retryable(e: &ClientError) -> bool {
    use solana_rpc_client_api::client_error::ErrorKind;
    match e.kind() {
        ErrorKind::Io(_) | ErrorKind::Reqwest(_) | ErrorKind::Middleware(_) => true,
        // A transaction the node does not serve yet at this commitment, or a rate limit.
        ErrorKind::RpcError(_) | ErrorKind::SerdeJson(_) => true,
        _ => false,
    }
}

impl Source {
    pub fn new(url: &str, config: SourceConfig) -> Self {
        let rpc = RpcClient::new_with_timeout_and_commitment(
            url.to_string(),
            Duration::from_secs(30),
            CommitmentConfig::confirmed(),
        );
        Self {
            rpc,
            decoder: Decoder::new(),
            config,
        }
    }

    pub fn rpc(&self) -> &RpcClient {
        &self.rpc
    }

    pub fn decoder(&self) -> &Decoder {
        &self.decoder
    }

    async fn signatures(
        &self,
        program: &Pubkey,
        until: Option<Signature>,
    ) -> Result<Vec<RpcConfirmedTransactionStatusWithSignature>> {
        let mut all = vec![];
        let mut before = None;
        loop {
            let page = with_retries("getSignaturesForAddress", self.config.attempts, || {
                self.rpc.get_signatures_for_address_with_config(
                    program,
                    GetConfirmedSignaturesForAddress2Config {
                        before,
                        until,
                        limit: Some(1000),
                        commitment: Some(CommitmentConfig::confirmed()),
                    },
                )
            })
            .await?;
            let full = page.len() == 1000;
            before = page.last().map(|s| s.signature.parse()).transpose()?;
            all.extend(page);
            if !full {
                break;
            }
        }
        all.reverse();
        Ok(all)
    }

    /// Fetches one transaction as base64 (retrying while the node does not serve it yet).
    pub async fn fetch(
        &self,
        signature: &str,
    ) -> Result<EncodedConfirmedTransactionWithStatusMeta> {
        let sig: Signature = signature
            .parse()
            .map_err(|_| anyhow!("bad signature {signature}"))?;
        with_retries(
            &format!("getTransaction {signature}"),
            self.config.attempts,
            || {
                self.rpc.get_transaction_with_config(
                    &sig,
                    RpcTransactionConfig {
                        encoding: Some(UiTransactionEncoding::Base64),
                        commitment: Some(CommitmentConfig::confirmed()),
                        max_supported_transaction_version: Some(0),
                    },
                )
            },
        )
        .await
    }

    /// Every fisc signature newer than the stored cursors, in chain order, with the programs whose
    /// history lists it.
    async fn pending(&self, store: Option<&Store>) -> Result<Vec<(String, Vec<&'static str>)>> {
        let mut lists = vec![];
        for (id, name) in self.decoder.program_ids() {
            let until = match store {
                Some(store) => store
                    .meta(&cursor_key(name))
                    .await?
                    .map(|s| s.parse())
                    .transpose()?,
                None => None,
            };
            lists.push((name, self.signatures(&id, until).await?));
        }
        Ok(chain_order(&lists))
    }

    /// The index's cursors now, one per program (`None` before its first transaction): what
    /// [`Source::newer`] compares against.
    pub async fn cursors(&self, store: &Store) -> Result<Vec<(Pubkey, Option<Signature>)>> {
        let mut out = vec![];
        for (id, name) in self.decoder.program_ids() {
            let cursor = store
                .meta(&cursor_key(name))
                .await?
                .map(|s| s.parse())
                .transpose()?;
            out.push((id, cursor));
        }
        Ok(out)
    }

    /// Every fisc transaction the chain holds (at `confirmed`) newer than `cursors`, once each, with its
    /// slot and whether it failed.
    pub async fn newer(&self, cursors: &[(Pubkey, Option<Signature>)]) -> Result<Vec<Newer>> {
        let mut out: BTreeMap<String, Newer> = BTreeMap::new();
        for (program, until) in cursors {
            for s in self.signatures(program, *until).await? {
                out.entry(s.signature.clone()).or_insert(Newer {
                    signature: s.signature,
                    slot: s.slot,
                    failed: s.err.is_some(),
                });
            }
        }
        Ok(out.into_values().collect())
    }

    /// The accounts a transaction names (its static keys and those loaded from lookup tables).
    pub async fn account_keys(&self, signature: &str) -> Result<Vec<Pubkey>> {
        let tx = self.fetch(signature).await?;
        let mut keys: Vec<Pubkey> = tx
            .transaction
            .transaction
            .decode()
            .ok_or_else(|| anyhow!("transaction {signature} does not decode"))?
            .message
            .static_account_keys()
            .to_vec();
        if let Some(meta) = tx.transaction.meta {
            let loaded: Option<solana_transaction_status_client_types::UiLoadedAddresses> =
                meta.loaded_addresses.into();
            if let Some(loaded) = loaded {
                for k in loaded.writable.iter().chain(&loaded.readonly) {
                    keys.push(k.parse().map_err(|_| anyhow!("bad loaded address {k}"))?);
                }
            }
        }
        Ok(keys)
    }

    /// One pass: everything new since the cursors, then finality. Returns what it did.
    pub async fn pass(&self, store: &Store) -> Result<PassStats> {
        let genesis = with_retries("getGenesisHash", self.config.attempts, || {
            self.rpc.get_genesis_hash()
        })
        .await?;
        store.bind_cluster(&genesis.to_string()).await?;
        let pending = self.pending(Some(store)).await?;
        let mut stats = PassStats {
            seen: pending.len(),
            ..Default::default()
        };
        let bar = if self.config.progress && !pending.is_empty() {
            let bar = ProgressBar::new(pending.len() as u64);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} indexing {pos}/{len} transactions {wide_bar} {eta}",
                )
                .expect("valid template"),
            );
            bar
        } else {
            ProgressBar::hidden()
        };
        // What is already indexed (a run killed after writing but before the next page) is not fetched
        // again; the database is asked before the fetches start, as they run concurrently with writes.
        let mut present = Vec::with_capacity(pending.len());
        for (sig, _) in &pending {
            present.push(store.has(sig).await?);
        }
        let mut fetched = stream::iter(pending.iter().zip(present))
            .map(|((sig, programs), present)| async move {
                let tx = if present {
                    None
                } else {
                    Some(self.fetch(sig).await?)
                };
                Ok::<_, anyhow::Error>((sig, programs, tx))
            })
            .buffered(self.config.concurrency.max(1));
        while let Some((sig, programs, tx)) = fetched.try_next().await? {
            let cursors: Vec<(String, String)> = programs
                .iter()
                .map(|p| (cursor_key(p), sig.clone()))
                .collect();
            let written = match tx {
                Some(tx) => {
                    let decoded = self
                        .decoder
                        .decode(sig, &tx)
                        .with_context(|| format!("decoding {sig}"))?;
                    store.write(&decoded, &cursors).await?
                }
                None => {
                    for (k, v) in &cursors {
                        store.set_meta(k, v).await?;
                    }
                    false
                }
            };
            stats.written += written as usize;
            bar.inc(1);
        }
        bar.finish_and_clear();
        (stats.finalized, stats.removed, stats.undecided) = self.finalize(store).await?;
        Ok(stats)
    }

    /// Marks rows finalized once their slot is; removes a row only on positive evidence that its
    /// transaction is not on the chain (the block at its slot, read at `finalized`, does not hold it: a
    /// fork that did not survive), rebuilds the projections and rewinds the cursors so that the
    /// transaction is fetched again if it landed elsewhere. Returns how many were finalized, removed
    /// and left undecided.
    pub async fn finalize(&self, store: &Store) -> Result<(usize, usize, usize)> {
        let finalized_slot = with_retries("getSlot", self.config.attempts, || {
            self.rpc
                .get_slot_with_commitment(CommitmentConfig::finalized())
        })
        .await?;
        let candidates: Vec<(String, u64)> = store
            .unfinalized()
            .await?
            .into_iter()
            .filter(|(_, slot)| *slot <= finalized_slot)
            .collect();
        let mut finalized = vec![];
        let mut removed = vec![];
        let mut suspects: BTreeMap<u64, Vec<String>> = BTreeMap::new();
        let mut undecided = 0;
        for chunk in candidates.chunks(256) {
            let sigs = chunk
                .iter()
                .map(|(s, _)| s.parse())
                .collect::<Result<Vec<Signature>, _>>()?;
            let statuses = with_retries("getSignatureStatuses", self.config.attempts, || {
                self.rpc.get_signature_statuses_with_history(&sigs)
            })
            .await?
            .value;
            for ((sig, slot), status) in chunk.iter().zip(statuses) {
                match status {
                    Some(s)
                        if s.slot == *slot
                            && s.confirmation_status
                                == Some(TransactionConfirmationStatus::Finalized) =>
                    {
                        finalized.push(sig.clone())
                    }
                    Some(s) if s.slot == *slot => {} // not finalized yet on this node
                    // No status, or another slot: a node that lags, was pruned or load-balances
                    // answers so too. Only the finalized block decides.
                    _ => suspects.entry(*slot).or_default().push(sig.clone()),
                }
            }
        }
        for (slot, sigs) in suspects {
            match self.finalized_block_signatures(slot).await {
                Some(held) => {
                    for sig in sigs {
                        if held.contains(&sig) {
                            finalized.push(sig);
                        } else {
                            removed.push(sig);
                        }
                    }
                }
                // Not readable now (not served, pruned, an RPC fault): kept, and asked again next pass.
                None => undecided += sigs.len(),
            }
        }
        store.mark_finalized(&finalized).await?;
        if !removed.is_empty() {
            let programs: Vec<&str> = self
                .decoder
                .program_ids()
                .into_iter()
                .map(|(_, name)| name)
                .collect();
            store.remove(&removed, &programs).await?;
        }
        Ok((finalized.len(), removed.len(), undecided))
    }

    /// The signatures of the block at `slot` as the node holds it at `finalized`, or `None` when it
    /// cannot say now (the slot not finalized or not served, pruned, an RPC fault). A slot the node
    /// reports skipped is not taken as evidence either: the same answer covers a ledger that starts
    /// after it.
    async fn finalized_block_signatures(&self, slot: u64) -> Option<Vec<String>> {
        let block = self
            .rpc
            .get_block_with_config(
                slot,
                RpcBlockConfig {
                    encoding: Some(UiTransactionEncoding::Base64),
                    transaction_details: Some(TransactionDetails::Signatures),
                    rewards: Some(false),
                    commitment: Some(CommitmentConfig::finalized()),
                    max_supported_transaction_version: Some(0),
                },
            )
            .await
            .ok()?;
        block.signatures
    }

    /// Every fisc transaction of the cluster, raw, in chain order: the benchmark's fixture.
    pub async fn record(&self) -> Result<Vec<Recorded>> {
        let pending = self.pending(None).await?;
        stream::iter(pending)
            .map(|(signature, _)| async move {
                let transaction = self.fetch(&signature).await?;
                Ok(Recorded {
                    signature,
                    transaction,
                })
            })
            .buffered(self.config.concurrency.max(1))
            .try_collect()
            .await
    }
}

/// A transaction in a program's history that the index has not taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Newer {
    /// Its signature.
    pub signature: String,
    /// The slot it landed in.
    pub slot: u64,
    /// It failed (and changed nothing but the fee payer's balance).
    pub failed: bool,
}

/// A fetched transaction as stored in a fixture.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Recorded {
    pub signature: String,
    pub transaction: EncodedConfirmedTransactionWithStatusMeta,
}

/// Where a transaction sorts: slot, position in the block (when the node reports it), first seen.
type OrderKey = (u64, u32, usize);

/// Merges the programs' histories (each oldest first) into one chain order: by slot and position in
/// the block where the node reports it, never reordering two transactions one history lists in order.
fn chain_order(
    lists: &[(
        &'static str,
        Vec<RpcConfirmedTransactionStatusWithSignature>,
    )],
) -> Vec<(String, Vec<&'static str>)> {
    struct Node {
        key: OrderKey,
        programs: Vec<&'static str>,
        next: Vec<String>,
        waiting_on: usize,
    }
    let mut nodes: HashMap<String, Node> = HashMap::new();
    for (program, list) in lists {
        for (i, s) in list.iter().enumerate() {
            let seen = nodes.len();
            let node = nodes.entry(s.signature.clone()).or_insert_with(|| Node {
                key: (s.slot, s.transaction_index.unwrap_or(u32::MAX), seen),
                programs: vec![],
                next: vec![],
                waiting_on: 0,
            });
            node.programs.push(program);
            if i > 0 {
                let prev = list[i - 1].signature.clone();
                nodes
                    .get_mut(&prev)
                    .expect("inserted")
                    .next
                    .push(s.signature.clone());
                nodes.get_mut(&s.signature).expect("inserted").waiting_on += 1;
            }
        }
    }
    let mut ready: BinaryHeap<Reverse<(OrderKey, String)>> = nodes
        .iter()
        .filter(|(_, n)| n.waiting_on == 0)
        .map(|(s, n)| Reverse((n.key, s.clone())))
        .collect();
    let mut out = vec![];
    while let Some(Reverse((_, sig))) = ready.pop() {
        let next = std::mem::take(&mut nodes.get_mut(&sig).expect("known").next);
        for n in next {
            let node = nodes.get_mut(&n).expect("known");
            node.waiting_on -= 1;
            if node.waiting_on == 0 {
                ready.push(Reverse((node.key, n.clone())));
            }
        }
        let programs = std::mem::take(&mut nodes.get_mut(&sig).expect("known").programs);
        out.push((sig, programs));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(
        sig: &str,
        slot: u64,
        index: Option<u32>,
    ) -> RpcConfirmedTransactionStatusWithSignature {
        RpcConfirmedTransactionStatusWithSignature {
            signature: sig.into(),
            slot,
            err: None,
            memo: None,
            block_time: None,
            confirmation_status: None,
            transaction_index: index,
        }
    }

    #[test]
    fn histories_merge_in_chain_order_without_duplicates() {
        let budget = vec![
            status("a", 1, Some(0)),
            status("c", 2, Some(1)),
            status("e", 3, None),
        ];
        let disbursement = vec![
            status("b", 2, Some(0)),
            status("c", 2, Some(1)),
            status("d", 3, None),
        ];
        let order = chain_order(&[("budget", budget), ("disbursement", disbursement)]);
        let sigs: Vec<&str> = order.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(sigs, ["a", "b", "c", "e", "d"]);
        assert_eq!(
            order[2].1,
            ["budget", "disbursement"],
            "c is in both histories"
        );
    }
}
