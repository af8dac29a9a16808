//! What every command shares: the connection, who acts, how results are printed, and how a
//! transaction is sent now or built for signing later (durable nonce, several signers).

use std::path::PathBuf;

use anchor_lang::AccountDeserialize;
use anyhow::{anyhow, bail, Context, Result};
use comfy_table::{presets::UTF8_BORDERS_ONLY, Table};
use fisc_client::accounts;
use fisc_client::amount::parse_amount;
use fisc_client::ix::budget::BudgetAccountRef;
use fisc_client::offline::{self, TxFile};
use fisc_client::submit::Client;
use fisc_client::text::padded;
use fisc_client::{Instruction, Pubkey};
use serde_json::{Map, Value};
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_signer::Signer;
use spl_token_2022_interface::extension::StateWithExtensions;
use spl_token_2022_interface::state::Mint;

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Output {
    /// A table for people.
    Table,
    /// JSON for programs.
    Json,
}

/// Build for later signing instead of sending.
pub struct SignLater {
    pub out: PathBuf,
    pub nonce: Pubkey,
}

/// The shared context of the commands.
pub struct Ctx {
    pub client: Client,
    /// The key named as the acting officer in instructions (`--as`; default: the keypair's).
    pub actor: Pubkey,
    pub output: Output,
    pub sign_later: Option<SignLater>,
}

impl Ctx {
    /// The fee payer's key.
    pub fn payer(&self) -> Pubkey {
        self.client.payer.pubkey()
    }

    /// Sends `ixs` (or writes them for signing later) and prints the result.
    pub fn submit(&self, what: &str, ixs: Vec<Instruction>) -> Result<()> {
        self.submit_with(what, ixs, &[])
    }

    /// Like [`Ctx::submit`], with extra signers held here (for example a new account's keypair).
    pub fn submit_with(&self, what: &str, ixs: Vec<Instruction>, extra: &[&Keypair]) -> Result<()> {
        if let Some(later) = &self.sign_later {
            return self.build_for_later(what, ixs, extra, later);
        }
        if self.actor != self.payer() {
            bail!(
                "{} must sign this transaction: build it with --sign-later FILE --nonce NONCE_ACCOUNT, have them run `fisc tx sign FILE`, then `fisc tx submit FILE`",
                self.actor
            );
        }
        let landed = self.client.send(&ixs, extra)?;
        self.print_one(vec![
            ("action", what.to_string()),
            ("signature", landed.signature.to_string()),
            ("compute_units", landed.compute_units.to_string()),
            ("explorer", self.client.explorer.tx(&landed.signature)),
        ]);
        Ok(())
    }

    fn build_for_later(
        &self,
        what: &str,
        ixs: Vec<Instruction>,
        extra: &[&Keypair],
        later: &SignLater,
    ) -> Result<()> {
        let tx = offline::build(&self.client, &ixs, extra, &later.nonce)?;
        TxFile::save(&later.out, what, &later.nonce, &tx)?;
        let missing: Vec<String> = offline::missing_signers(&tx)
            .iter()
            .map(|k| k.to_string())
            .collect();
        let file = later.out.display().to_string();
        let next = if missing.is_empty() {
            format!("fisc tx submit {file}")
        } else {
            format!("each missing signer runs `fisc tx sign {file}`, then `fisc tx submit {file}`")
        };
        // Nothing was sent: the action is what the transaction will do once signed and submitted.
        self.print_one(vec![
            ("action", format!("written, not sent: {what}")),
            ("written", file),
            ("nonce", later.nonce.to_string()),
            ("missing_signers", missing.join(" ")),
            ("next", next),
        ]);
        Ok(())
    }

    /// An account of one of fisc's programs, if it exists.
    pub fn fetch<T: AccountDeserialize>(&self, address: &Pubkey) -> Result<Option<T>> {
        accounts::fetch(&self.client, address)
    }

    /// An account as of the newest state (for the next payment sequence).
    pub fn fetch_latest<T: AccountDeserialize>(&self, address: &Pubkey) -> Result<Option<T>> {
        accounts::fetch_at(&self.client, address, CommitmentConfig::processed())
    }

    /// An account that must exist.
    pub fn require<T: AccountDeserialize>(
        &self,
        address: &Pubkey,
        what: impl FnOnce() -> String,
    ) -> Result<T> {
        self.fetch(address)?.ok_or_else(|| anyhow!("{}", what()))
    }

    /// An agency's address from its code.
    pub fn agency(&self, code: &str) -> Result<Pubkey> {
        Ok(budget::pda::agency(
            &padded(code).with_context(|| format!("agency code {code:?}"))?,
        ))
    }

    /// A budget account by agency code and TAS, with what instructions need to name it.
    pub fn budget_account(
        &self,
        agency: &str,
        tas: &str,
    ) -> Result<(BudgetAccountRef, budget::state::BudgetAccount)> {
        let agency_key = self.agency(agency)?;
        let tas_bytes = padded(tas).with_context(|| format!("TAS {tas:?}"))?;
        let address = budget::pda::budget_account(&agency_key, &tas_bytes);
        accounts::budget_account(&self.client, &address)?
            .ok_or_else(|| anyhow!("agency {agency} has no budget account {tas}"))
    }

    /// A mint's decimals.
    pub fn decimals(&self, mint: &Pubkey) -> Result<u8> {
        let account = self.client.with_retries(|rpc| rpc.get_account(mint))?;
        Ok(StateWithExtensions::<Mint>::unpack(&account.data)
            .map_err(|e| anyhow!("{mint} is not a mint: {e}"))?
            .base
            .decimals)
    }

    /// The decimals a policy's amounts are in: policy units, whatever the mints' decimals (the
    /// program puts each payment into them).
    pub fn policy_decimals(&self) -> Result<u8> {
        Ok(disbursement::constants::POLICY_DECIMALS)
    }

    /// An amount in `mint`'s tokens, e.g. "1250.50".
    pub fn amount(&self, text: &str, mint: &Pubkey) -> Result<u64> {
        Ok(parse_amount(text, self.decimals(mint)?)?)
    }

    /// Prints one record.
    pub fn print_one(&self, fields: Vec<(&str, String)>) {
        match self.output {
            Output::Json => outln!("{}", Value::Object(object(fields))),
            Output::Table => {
                let width = fields.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
                for (k, v) in fields {
                    outln!("{k:<width$}  {v}");
                }
            }
        }
    }

    /// Prints a list of records with the same fields.
    pub fn print_list(&self, header: &[&str], rows: Vec<Vec<String>>) {
        match self.output {
            Output::Json => {
                let list: Vec<Value> = rows
                    .into_iter()
                    .map(|r| Value::Object(object(header.iter().copied().zip(r).collect())))
                    .collect();
                outln!("{}", Value::Array(list));
            }
            Output::Table => {
                let mut table = Table::new();
                table
                    .load_preset(UTF8_BORDERS_ONLY)
                    .set_header(header.to_vec());
                let empty = rows.is_empty();
                for row in rows {
                    table.add_row(row);
                }
                outln!("{table}");
                if empty {
                    outln!("(none)");
                }
            }
        }
    }
}

fn object(fields: Vec<(&str, String)>) -> Map<String, Value> {
    fields
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::String(v)))
        .collect()
}

/// A 32-byte hash given as 64 hex digits, or the SHA-256 of a file.
pub fn document_hash(hex_or_file: Option<&str>) -> Result<[u8; 32]> {
    let Some(text) = hex_or_file else {
        return Ok([0; 32]);
    };
    if let Ok(bytes) = hex::decode(text) {
        if let Ok(hash) = <[u8; 32]>::try_from(bytes.as_slice()) {
            return Ok(hash);
        }
    }
    let bytes = std::fs::read(text)
        .with_context(|| format!("{text:?} is neither 64 hex digits nor a readable file"))?;
    Ok(solana_sha256_hasher::hash(&bytes).to_bytes())
}

/// A pubkey argument, with the field named in the error.
pub fn pubkey(field: &str, text: &str) -> Result<Pubkey> {
    text.parse()
        .map_err(|_| anyhow!("{field} {text:?} is not a base58 public key"))
}
