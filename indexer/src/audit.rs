//! `fisc audit`: what the indexed events add up to, against the accounts on chain. Budget accounts
//! (authorized, obligated, disbursed, funded, returned, and the vault's token balance), obligations
//! (obligated, disbursed), properties (holder, transfers, liens, freeze, disposal), closed accounts
//! that must be gone, and accounts on chain the index never saw.

use std::collections::HashSet;

use anchor_lang::{AccountDeserialize, Discriminator};
use anyhow::{anyhow, bail, Result};
use solana_account_decoder_client_types::{UiAccountEncoding, UiDataSliceConfig};
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client_api::config::{RpcAccountInfoConfig, RpcProgramAccountsConfig};
use solana_rpc_client_api::filter::{Memcmp, RpcFilterType};
use solana_rpc_client_api::request::RpcRequest;
use solana_rpc_client_api::response::{OptionalContext, RpcKeyedAccount};
use spl_token_2022_interface::extension::StateWithExtensions;
use spl_token_2022_interface::state::Account as TokenAccount;
use sqlx::Row;

use super::source::{with_retries, Source};
use super::store::Store;
use anchor_lang::prelude::Pubkey;

/// One disagreement between the index and the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// What it is about ("budget account 075-2027/2028-0512-000 (address)").
    pub subject: String,
    /// Which figure.
    pub field: String,
    /// What the events add up to.
    pub index: String,
    /// What the chain holds.
    pub chain: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}: index {}, chain {}",
            self.subject, self.field, self.index, self.chain
        )
    }
}

struct Diffs(Vec<Difference>);

impl Diffs {
    fn check(&mut self, subject: &str, field: &str, index: impl ToString, chain: impl ToString) {
        let (index, chain) = (index.to_string(), chain.to_string());
        if index != chain {
            self.0.push(Difference {
                subject: subject.into(),
                field: field.into(),
                index,
                chain,
            });
        }
    }
}

fn key(s: &str) -> Result<Pubkey> {
    s.parse()
        .map_err(|_| anyhow!("the index holds a bad address {s}"))
}

/// Reads accounts at `confirmed`, never at a slot below the highest one seen so far (the index's own
/// newest transaction to begin with), and keeps the range of slots the reads were answered at.
struct Reader<'a> {
    source: &'a Source,
    /// The lowest and highest context slot of the answers so far.
    slots: Option<(u64, u64)>,
    /// What every read asks at least (`minContextSlot`).
    floor: u64,
}

impl Reader<'_> {
    fn answered_at(&mut self, slot: u64) {
        self.slots = Some(match self.slots {
            None => (slot, slot),
            Some((lo, hi)) => (lo.min(slot), hi.max(slot)),
        });
        self.floor = self.floor.max(slot);
    }

    fn config(&self) -> RpcAccountInfoConfig {
        RpcAccountInfoConfig {
            encoding: Some(UiAccountEncoding::Base64),
            commitment: Some(CommitmentConfig::confirmed()),
            min_context_slot: Some(self.floor),
            data_slice: None,
        }
    }

    /// The accounts at `keys`, fetched 100 at a time (the RPC's limit per call).
    async fn accounts(&mut self, keys: &[Pubkey]) -> Result<Vec<Option<solana_account::Account>>> {
        let mut out = Vec::with_capacity(keys.len());
        for chunk in keys.chunks(100) {
            let config = self.config();
            let response = with_retries("getMultipleAccounts", 6, || {
                self.source
                    .rpc()
                    .get_multiple_ui_accounts_with_config(chunk, config.clone())
            })
            .await?;
            self.answered_at(response.context.slot);
            out.extend(
                response
                    .value
                    .into_iter()
                    .map(|a| a.and_then(|a| a.to_account())),
            );
        }
        Ok(out)
    }

    /// The addresses of `program`'s accounts that start with `discriminator`.
    async fn program_accounts(
        &mut self,
        program: &Pubkey,
        discriminator: &[u8],
    ) -> Result<Vec<Pubkey>> {
        let config = RpcProgramAccountsConfig {
            filters: Some(vec![RpcFilterType::Memcmp(Memcmp::new_raw_bytes(
                0,
                discriminator.to_vec(),
            ))]),
            account_config: RpcAccountInfoConfig {
                data_slice: Some(UiDataSliceConfig {
                    offset: 0,
                    length: 0,
                }),
                ..self.config()
            },
            with_context: Some(true),
            sort_results: None,
        };
        let params = serde_json::json!([program.to_string(), config]);
        let response = with_retries("getProgramAccounts", 6, || {
            self.source
                .rpc()
                .send::<OptionalContext<Vec<RpcKeyedAccount>>>(
                    RpcRequest::GetProgramAccounts,
                    params.clone(),
                )
        })
        .await?;
        let keyed = match response {
            OptionalContext::Context(response) => {
                self.answered_at(response.context.slot);
                response.value
            }
            OptionalContext::NoContext(_) => {
                bail!("getProgramAccounts: the RPC did not say at which slot it answered")
            }
        };
        keyed.iter().map(|k| key(&k.pubkey)).collect()
    }
}

/// Transactions the index has not taken in that may have changed what an audit read, beyond which it
/// does not look for the accounts they name (it says the index is behind instead).
pub const MAX_UNINDEXED_LOOKED_AT: usize = 200;

/// What `fisc audit` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audit {
    /// Where the index and the chain disagree, among the accounts compared; empty when they agree.
    pub differences: Vec<Difference>,
    /// The lowest and highest slot the chain's answers were read at (`confirmed`).
    pub slots: (u64, u64),
    /// The slot of the index's newest transaction when the audit began (no read is older).
    pub indexed_slot: u64,
    /// Successful fisc transactions the index had not taken in that landed no later than the reads.
    pub unindexed: usize,
    /// Accounts those transactions name, left out of the comparison ("budget account ... (address)").
    pub left_out: Vec<String>,
    /// The chain's fisc transactions newer than the index, all told (failed ones and those after the
    /// reads included).
    pub behind: usize,
}

/// Compares the index with the chain. The index's rows and cursors are read first; every account is
/// then read at `confirmed` no lower than the index's newest slot, and the slots of the answers kept.
/// Accounts named by a transaction that the index has not taken in and that landed before the reads are
/// left out (named in [`Audit::left_out`]): what remains is compared exactly, as of the reads' slots.
/// Past [`MAX_UNINDEXED_LOOKED_AT`] such transactions nothing is left out and the differences may be
/// only the index being behind ([`Audit::behind`] says by how much).
pub async fn audit(store: &Store, source: &Source) -> Result<Audit> {
    let cursors = source.cursors(store).await?;
    let mut d = Diffs(vec![]);
    let mut left_out = vec![];

    let budget_rows = sqlx::query(
        "SELECT address, tas, vault, authorized, obligated, disbursed, funded, returned, status FROM budget_accounts ORDER BY tas, address",
    )
    .fetch_all(store.pool())
    .await?;
    let obligation_rows = sqlx::query("SELECT address, award_id, obligated, disbursed, status FROM obligations ORDER BY award_id, address")
        .fetch_all(store.pool())
        .await?;
    let property_rows = sqlx::query(
        "SELECT address, parcel_id, holder, transfer_seq, active_liens, frozen, disposed FROM properties ORDER BY parcel_id, address",
    )
    .fetch_all(store.pool())
    .await?;
    let indexed_slot = u64::try_from(store.last_slot().await?).unwrap_or(0);

    let mut reader = Reader {
        source,
        slots: None,
        floor: indexed_slot,
    };
    let kinds: [(&str, Pubkey, &[u8]); 3] = [
        (
            "budget account",
            budget::ID,
            budget::state::BudgetAccount::DISCRIMINATOR,
        ),
        (
            "obligation",
            budget::ID,
            budget::state::Obligation::DISCRIMINATOR,
        ),
        (
            "property",
            titles::ID,
            titles::state::Property::DISCRIMINATOR,
        ),
    ];
    let mut on_chain = vec![];
    for (kind, program, discriminator) in kinds {
        for address in reader.program_accounts(&program, discriminator).await? {
            on_chain.push((address, kind));
        }
    }
    let keys_of = |rows: &[sqlx::any::AnyRow], column: usize| -> Result<Vec<Pubkey>> {
        rows.iter()
            .map(|r| key(&r.get::<String, _>(column)))
            .collect()
    };
    let accounts = keys_of(&budget_rows, 0)?;
    let vaults = keys_of(&budget_rows, 2)?;
    let obligations = keys_of(&obligation_rows, 0)?;
    let properties = keys_of(&property_rows, 0)?;
    let fetched_accounts = reader.accounts(&accounts).await?;
    let fetched_vaults = reader.accounts(&vaults).await?;
    let fetched_obligations = reader.accounts(&obligations).await?;
    let fetched_properties = reader.accounts(&properties).await?;
    let slots = reader.slots.unwrap_or((indexed_slot, indexed_slot));

    // What the index had not taken in when its cursors were read, and landed before the last read.
    let newer = source.newer(&cursors).await?;
    let unindexed: Vec<_> = newer
        .iter()
        .filter(|n| !n.failed && n.slot <= slots.1)
        .collect();
    let mut touched: HashSet<Pubkey> = HashSet::new();
    if unindexed.len() <= MAX_UNINDEXED_LOOKED_AT {
        for n in &unindexed {
            touched.extend(source.account_keys(&n.signature).await?);
        }
    }
    let mut skip = |subject: &str, addresses: &[&Pubkey]| {
        let skipped = addresses.iter().any(|a| touched.contains(a));
        if skipped {
            left_out.push(subject.to_string());
        }
        skipped
    };

    // Budget accounts and their vaults.
    let mut indexed: HashSet<Pubkey> = accounts.iter().copied().collect();
    for (((row, account), vault), address) in budget_rows
        .iter()
        .zip(fetched_accounts)
        .zip(fetched_vaults)
        .zip(&accounts)
    {
        let subject = format!(
            "budget account {} ({})",
            row.get::<String, _>(1),
            row.get::<String, _>(0)
        );
        let vault_key = key(&row.get::<String, _>(2))?;
        if skip(&subject, &[address, &vault_key]) {
            continue;
        }
        let (figures, status) = (
            [3, 4, 5, 6, 7].map(|i| row.get::<i64, _>(i)),
            row.get::<String, _>(8),
        );
        match (&account, status.as_str()) {
            (None, "closed") => continue,
            (Some(_), "closed") => d.check(&subject, "account", "closed", "open"),
            (None, _) => d.check(&subject, "account", status, "missing"),
            (Some(account), _) => {
                let mut data = account.data.as_slice();
                let chain = budget::state::BudgetAccount::try_deserialize(&mut data)
                    .map_err(|e| anyhow!("{subject}: not a budget account on chain: {e}"))?;
                let names = ["authorized", "obligated", "disbursed", "funded", "returned"];
                let chain_figures = [
                    chain.authorized,
                    chain.obligated,
                    chain.disbursed,
                    chain.funded,
                    chain.returned,
                ];
                for ((name, index), chain) in names.iter().zip(figures).zip(chain_figures) {
                    d.check(&subject, name, index, chain);
                }
                let expected = figures[3] - figures[2] - figures[4];
                let balance = vault
                    .as_ref()
                    .and_then(|a| StateWithExtensions::<TokenAccount>::unpack(&a.data).ok())
                    .map_or("missing".to_string(), |t| t.base.amount.to_string());
                d.check(
                    &subject,
                    "vault balance (funded - disbursed - returned)",
                    expected,
                    balance,
                );
            }
        }
    }

    // Obligations.
    indexed.extend(obligations.iter().copied());
    for ((row, account), address) in obligation_rows
        .iter()
        .zip(fetched_obligations)
        .zip(&obligations)
    {
        let subject = format!(
            "obligation {} ({})",
            row.get::<String, _>(1),
            row.get::<String, _>(0)
        );
        if skip(&subject, &[address]) {
            continue;
        }
        let status: String = row.get(4);
        match (account, status.as_str()) {
            (None, "closed") => {}
            (Some(_), "closed") => d.check(&subject, "account", "closed", "open"),
            (None, _) => d.check(&subject, "account", status, "missing"),
            (Some(account), _) => {
                let chain =
                    budget::state::Obligation::try_deserialize(&mut account.data.as_slice())
                        .map_err(|e| anyhow!("{subject}: not an obligation on chain: {e}"))?;
                d.check(&subject, "obligated", row.get::<i64, _>(2), chain.obligated);
                d.check(&subject, "disbursed", row.get::<i64, _>(3), chain.disbursed);
            }
        }
    }

    // Properties.
    indexed.extend(properties.iter().copied());
    for ((row, account), address) in property_rows
        .iter()
        .zip(fetched_properties)
        .zip(&properties)
    {
        let subject = format!(
            "property {} ({})",
            row.get::<String, _>(1),
            row.get::<String, _>(0)
        );
        if skip(&subject, &[address]) {
            continue;
        }
        let Some(account) = account else {
            d.check(&subject, "account", "registered", "missing");
            continue;
        };
        let chain = titles::state::Property::try_deserialize(&mut account.data.as_slice())
            .map_err(|e| anyhow!("{subject}: not a property on chain: {e}"))?;
        d.check(&subject, "holder", row.get::<String, _>(2), chain.holder);
        d.check(
            &subject,
            "transfer sequence",
            row.get::<i64, _>(3),
            chain.transfer_seq,
        );
        d.check(
            &subject,
            "active liens",
            row.get::<i64, _>(4),
            chain.active_liens,
        );
        d.check(
            &subject,
            "frozen",
            row.get::<i64, _>(5) == 1,
            chain.is_frozen(),
        );
        d.check(
            &subject,
            "disposed",
            row.get::<i64, _>(6) == 1,
            chain.is_disposed(),
        );
    }

    // Accounts on chain that no indexed event created.
    let mut unseen: Vec<(Pubkey, &str)> = on_chain
        .into_iter()
        .filter(|(address, _)| !indexed.contains(address))
        .collect();
    unseen.sort();
    unseen.dedup();
    for (address, kind) in unseen {
        let subject = format!("{kind} {address}");
        if skip(&subject, &[&address]) {
            continue;
        }
        d.check(&subject, "account", "missing", "on chain");
    }
    Ok(Audit {
        differences: d.0,
        slots,
        indexed_slot,
        unindexed: unindexed.len(),
        left_out,
        behind: newer.len(),
    })
}
