//! `fisc audit`: what the indexed events add up to, against the accounts on chain. Budget accounts
//! (authorized, obligated, disbursed, funded, returned, and the vault's token balance), obligations
//! (obligated, disbursed), properties (holder, transfers, liens, freeze, disposal), closed accounts
//! that must be gone, and accounts on chain the index never saw.

use std::collections::{HashMap, HashSet};

use anchor_lang::{AccountDeserialize, Discriminator};
use anyhow::{anyhow, Result};
use solana_account_decoder_client_types::UiAccountEncoding;
use solana_rpc_client_api::config::{RpcAccountInfoConfig, RpcProgramAccountsConfig};
use solana_rpc_client_api::filter::{Memcmp, RpcFilterType};
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

/// The accounts at `keys`, fetched 100 at a time (the RPC's limit per call).
async fn fetch_all(
    source: &Source,
    keys: &[Pubkey],
) -> Result<Vec<Option<solana_account::Account>>> {
    let mut out = Vec::with_capacity(keys.len());
    for chunk in keys.chunks(100) {
        out.extend(
            with_retries("getMultipleAccounts", 6, || {
                source.rpc().get_multiple_accounts(chunk)
            })
            .await?,
        );
    }
    Ok(out)
}

/// Compares the index with the chain; an empty list means they agree.
pub async fn audit(store: &Store, source: &Source) -> Result<Vec<Difference>> {
    let mut d = Diffs(vec![]);

    // Budget accounts and their vaults.
    let rows = sqlx::query(
        "SELECT address, tas, vault, authorized, obligated, disbursed, funded, returned, status FROM budget_accounts ORDER BY tas, address",
    )
    .fetch_all(store.pool())
    .await?;
    let accounts = rows
        .iter()
        .map(|r| key(&r.get::<String, _>(0)))
        .collect::<Result<Vec<_>>>()?;
    let vaults = rows
        .iter()
        .map(|r| key(&r.get::<String, _>(2)))
        .collect::<Result<Vec<_>>>()?;
    let mut indexed: HashSet<Pubkey> = accounts.iter().copied().collect();
    let fetched_accounts = fetch_all(source, &accounts).await?;
    let fetched_vaults = fetch_all(source, &vaults).await?;
    for ((row, account), vault) in rows.iter().zip(fetched_accounts).zip(fetched_vaults) {
        let subject = format!(
            "budget account {} ({})",
            row.get::<String, _>(1),
            row.get::<String, _>(0)
        );
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
    let rows = sqlx::query("SELECT address, award_id, obligated, disbursed, status FROM obligations ORDER BY award_id, address")
        .fetch_all(store.pool())
        .await?;
    let keys = rows
        .iter()
        .map(|r| key(&r.get::<String, _>(0)))
        .collect::<Result<Vec<_>>>()?;
    indexed.extend(keys.iter().copied());
    for (row, account) in rows.iter().zip(fetch_all(source, &keys).await?) {
        let subject = format!(
            "obligation {} ({})",
            row.get::<String, _>(1),
            row.get::<String, _>(0)
        );
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
    let rows = sqlx::query(
        "SELECT address, parcel_id, holder, transfer_seq, active_liens, frozen, disposed FROM properties ORDER BY parcel_id, address",
    )
    .fetch_all(store.pool())
    .await?;
    let keys = rows
        .iter()
        .map(|r| key(&r.get::<String, _>(0)))
        .collect::<Result<Vec<_>>>()?;
    indexed.extend(keys.iter().copied());
    for (row, account) in rows.iter().zip(fetch_all(source, &keys).await?) {
        let subject = format!(
            "property {} ({})",
            row.get::<String, _>(1),
            row.get::<String, _>(0)
        );
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
    let mut unseen: HashMap<Pubkey, &str> = HashMap::new();
    for (kind, program, discriminator) in kinds {
        let config = RpcProgramAccountsConfig {
            filters: Some(vec![RpcFilterType::Memcmp(Memcmp::new_raw_bytes(
                0,
                discriminator.to_vec(),
            ))]),
            account_config: RpcAccountInfoConfig {
                encoding: Some(UiAccountEncoding::Base64),
                data_slice: Some(solana_account_decoder_client_types::UiDataSliceConfig {
                    offset: 0,
                    length: 0,
                }),
                ..Default::default()
            },
            ..Default::default()
        };
        let accounts = with_retries("getProgramAccounts", 6, || {
            source
                .rpc()
                .get_program_ui_accounts_with_config(&program, config.clone())
        })
        .await?;
        for (address, _) in accounts {
            if !indexed.contains(&address) {
                unseen.insert(address, kind);
            }
        }
    }
    let mut unseen: Vec<_> = unseen.into_iter().collect();
    unseen.sort();
    for (address, kind) in unseen {
        d.check(
            &format!("{kind} {address}"),
            "account",
            "missing",
            "on chain",
        );
    }
    Ok(d.0)
}
