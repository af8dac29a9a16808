//! Submission a back office can trust: simulate first and set the compute-unit limit from the
//! simulation plus a margin, optional priority fee, send, confirm at the chosen commitment; re-sign
//! only once the chain at `confirmed` (never read from an older view than one already seen) is past
//! the last valid block height of every copy and no copy is known even at `processed`, after a fresh
//! simulation; retry RPC faults with backoff. Every result that is not certain carries every
//! signature broadcast ([`SubmitError::Unknown`], [`SubmitError::MaybeLanded`]); a
//! [`SubmitError::Program`] means nothing changed. Re-signing is safe for the programs' exactly-once
//! instructions (a proposal carries the agency's sequence; an executed request is closed).

use std::thread::sleep;
use std::time::Duration;

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use solana_commitment_config::CommitmentConfig;
use solana_compute_budget_interface::ComputeBudgetInstruction;
use solana_keypair::Keypair;
use solana_message::Message;
use solana_rpc_client::rpc_client::RpcClient;
use solana_rpc_client_api::client_error::Error as ClientError;
use solana_rpc_client_api::config::RpcSimulateTransactionConfig;
use solana_signer::Signer;
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;
use thiserror::Error;

use crate::errors::{explain, Explained};
use crate::explorer::Explorer;

/// Most compute units one transaction may ask for.
const MAX_COMPUTE_UNITS: u32 = 1_400_000;

/// Most bytes a transaction may have on the wire, signatures included: Solana's `PACKET_DATA_SIZE`
/// (the 1,280-byte IPv6 minimum MTU less 48 bytes of headers). A larger one is refused by every RPC
/// node and validator, however often it is retried.
pub const MAX_TRANSACTION_BYTES: usize = 1_232;

/// Why a submission failed, for people.
#[derive(Debug, Error)]
pub enum SubmitError {
    /// A program refused the transaction (in simulation or on chain): nothing changed.
    #[error("{0}")]
    Program(Explained),
    /// The RPC node kept failing.
    #[error("RPC at {url} failed after {attempts} attempts: {last}")]
    Rpc {
        url: String,
        attempts: u32,
        last: String,
    },
    /// The transaction is larger than a Solana transaction can be: nothing was sent, and no retry can
    /// send it.
    #[error(
        "the transaction is {size} bytes, {} more than the {limit} a Solana transaction can have \
         ({accounts} accounts, {instructions} instructions); nothing was sent. Split it into smaller \
         transactions (for a batch: fewer distinct payees, each adds two accounts of 32 bytes)",
        size - limit
    )]
    TooLarge {
        /// Its size on the wire, in bytes.
        size: usize,
        /// [`MAX_TRANSACTION_BYTES`].
        limit: usize,
        /// Accounts its message lists.
        accounts: usize,
        /// Instructions it holds, compute-budget ones included.
        instructions: usize,
    },
    /// Every copy's blockhash expired and none is known to the chain: nothing changed.
    #[error("transaction did not land after {attempts} attempts (each with a fresh blockhash, all expired unseen); nothing was changed (sent as {})", list(signatures))]
    NotLanded {
        /// Copies signed and sent.
        attempts: u32,
        /// Their signatures.
        signatures: Vec<solana_transaction::Signature>,
    },
    /// The submission stopped while copies were out (the RPC failing while confirming): whether one
    /// landed is not known. Look the signatures up before trying again.
    #[error("the outcome is unknown: {cause}; sent as {} (look them up before sending again: one may have landed)", list(signatures))]
    Unknown {
        /// Every copy broadcast.
        signatures: Vec<solana_transaction::Signature>,
        /// What stopped the submission.
        cause: String,
    },
    /// A re-signed copy failed on chain while another copy was out: that copy may have landed, so
    /// this is not "nothing changed".
    #[error("a copy was refused ({cause}) after another was sent, which may have landed; sent as {} (look them up before sending again)", list(signatures))]
    MaybeLanded {
        /// Every copy broadcast.
        signatures: Vec<solana_transaction::Signature>,
        /// The refusal of the failed copy.
        cause: Explained,
    },
    /// The caller's `before_broadcast` refused a copy (it could not journal it).
    #[error("{0}")]
    Hook(String),
}

/// How to submit.
#[derive(Clone, Debug)]
pub struct SubmitConfig {
    /// Commitment to confirm at.
    pub commitment: CommitmentConfig,
    /// Micro-lamports per compute unit; 0 for none.
    pub priority_fee: u64,
    /// Extra compute units on top of the simulation, in percent.
    pub compute_margin_percent: u64,
    /// Fresh-blockhash attempts before giving up.
    pub attempts: u32,
    /// RPC retries per call.
    pub rpc_retries: u32,
}

impl Default for SubmitConfig {
    fn default() -> Self {
        Self {
            commitment: CommitmentConfig::confirmed(),
            priority_fee: 0,
            compute_margin_percent: 20,
            attempts: 4,
            rpc_retries: 5,
        }
    }
}

fn list(signatures: &[solana_transaction::Signature]) -> String {
    signatures
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Refuses `tx` when it is larger on the wire than [`MAX_TRANSACTION_BYTES`].
pub fn check_size(tx: &Transaction) -> Result<(), SubmitError> {
    // The wire format is bincode's encoding of the transaction; it cannot fail for a built one.
    let size = bincode::serialized_size(tx).map_or(usize::MAX, |n| n as usize);
    if size <= MAX_TRANSACTION_BYTES {
        return Ok(());
    }
    Err(SubmitError::TooLarge {
        size,
        limit: MAX_TRANSACTION_BYTES,
        accounts: tx.message.account_keys.len(),
        instructions: tx.message.instructions.len(),
    })
}

/// The outcome of `sent` cannot be decided: `cause` stopped the submission.
fn unknown(sent: &[solana_transaction::Signature], cause: &dyn std::fmt::Display) -> SubmitError {
    SubmitError::Unknown {
        signatures: sent.to_vec(),
        cause: cause.to_string(),
    }
}

/// `error`, met before a copy was (re)signed: it stands when no copy was sent yet. After copies
/// went out, a refusal does not prove that nothing changed (an earlier copy may have landed unseen
/// and be the reason), and any other failure leaves the outcome unknown.
fn after_copies(error: SubmitError, sent: &[solana_transaction::Signature]) -> SubmitError {
    match error {
        _ if sent.is_empty() => error,
        SubmitError::Program(cause) => SubmitError::MaybeLanded {
            signatures: sent.to_vec(),
            cause,
        },
        other => unknown(sent, &other),
    }
}

/// A landed transaction.
#[derive(Clone, Debug)]
pub struct Landed {
    /// Its signature.
    pub signature: solana_transaction::Signature,
    /// Compute units the simulation measured.
    pub compute_units: u64,
}

/// A JSON-RPC connection with a fee payer.
pub struct Client {
    pub rpc: RpcClient,
    pub payer: Keypair,
    pub config: SubmitConfig,
    pub explorer: Explorer,
}

impl Client {
    /// Connect to `url` with `payer` paying fees.
    pub fn new(url: &str, payer: Keypair, config: SubmitConfig) -> Self {
        let rpc = RpcClient::new_with_commitment(url.to_string(), config.commitment);
        Self {
            rpc,
            payer,
            config,
            explorer: Explorer::for_rpc(url),
        }
    }

    /// Retry `call` on RPC faults (timeouts, 429, dropped connections) with exponential backoff.
    pub fn with_retries<T>(
        &self,
        mut call: impl FnMut(&RpcClient) -> Result<T, ClientError>,
    ) -> Result<T, SubmitError> {
        let mut delay = Duration::from_millis(200);
        let mut last = String::new();
        for _ in 0..self.config.rpc_retries.max(1) {
            match call(&self.rpc) {
                Ok(value) => return Ok(value),
                Err(e) if e.get_transaction_error().is_some() => {
                    return Err(SubmitError::Rpc {
                        url: self.rpc.url(),
                        attempts: 1,
                        last: e.to_string(),
                    })
                }
                Err(e) => {
                    last = e.to_string();
                    sleep(delay);
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
            }
        }
        Err(SubmitError::Rpc {
            url: self.rpc.url(),
            attempts: self.config.rpc_retries.max(1),
            last,
        })
    }

    fn program_ids(ixs: &[Instruction], prefix: usize) -> Vec<Pubkey> {
        std::iter::repeat_n(solana_compute_budget_interface::ID, prefix)
            .chain(ixs.iter().map(|ix| ix.program_id))
            .collect()
    }

    fn build(
        &self,
        ixs: &[Instruction],
        units: u32,
        signers: &[&Keypair],
        blockhash: solana_message::Hash,
    ) -> (Transaction, usize) {
        let mut all = vec![ComputeBudgetInstruction::set_compute_unit_limit(units)];
        if self.config.priority_fee > 0 {
            all.push(ComputeBudgetInstruction::set_compute_unit_price(
                self.config.priority_fee,
            ));
        }
        let prefix = all.len();
        all.extend_from_slice(ixs);
        let mut keys: Vec<&Keypair> = vec![&self.payer];
        keys.extend(
            signers
                .iter()
                .copied()
                .filter(|k| k.pubkey() != self.payer.pubkey()),
        );
        let message = Message::new(&all, Some(&self.payer.pubkey()));
        (Transaction::new(&keys, message, blockhash), prefix)
    }

    /// An account as of the newest (processed) state: what a transaction built now will meet, for
    /// values such as the next payment sequence.
    pub fn latest_account(
        &self,
        address: &Pubkey,
    ) -> Result<Option<solana_account::Account>, SubmitError> {
        Ok(self
            .with_retries(|rpc| {
                rpc.get_account_with_commitment(address, CommitmentConfig::processed())
            })?
            .value)
    }

    /// Simulate `ixs`; the compute units they need, or the program's refusal explained.
    pub fn simulate(&self, ixs: &[Instruction], signers: &[&Keypair]) -> Result<u64, SubmitError> {
        let blockhash = self.with_retries(|rpc| rpc.get_latest_blockhash())?;
        let (tx, prefix) = self.build(ixs, MAX_COMPUTE_UNITS, signers, blockhash);
        // An RPC node refuses an oversized transaction with an error that reads like a fault and is
        // retried; no retry can help it.
        check_size(&tx)?;
        // Preflight on the newest state, the one the transaction will execute on.
        let config = RpcSimulateTransactionConfig {
            sig_verify: true,
            commitment: Some(CommitmentConfig::processed()),
            ..Default::default()
        };
        let result = self
            .with_retries(|rpc| rpc.simulate_transaction_with_config(&tx, config.clone()))?
            .value;
        if let Some(err) = result.err {
            let err: TransactionError = err.into();
            return Err(SubmitError::Program(explain(
                &err,
                &Self::program_ids(ixs, prefix),
                &result.logs.unwrap_or_default(),
            )));
        }
        Ok(result
            .units_consumed
            .unwrap_or(u64::from(MAX_COMPUTE_UNITS)))
    }

    /// A landed transaction's failure, explained with its logs.
    fn failed(
        &self,
        signature: &solana_transaction::Signature,
        err: TransactionError,
        programs: &[Pubkey],
    ) -> SubmitError {
        let logs = self
            .rpc
            .get_transaction(
                signature,
                solana_rpc_client_api::config::UiTransactionEncoding::Json,
            )
            .ok()
            .and_then(|t| t.transaction.meta)
            .and_then(|m| Option::<Vec<String>>::from(m.log_messages))
            .unwrap_or_default();
        SubmitError::Program(explain(&err, programs, &logs))
    }

    /// Sends a transaction every signer has already signed (a durable-nonce transaction from
    /// `fisc tx`): simulated first, then the same bytes resent until it lands or fails. It cannot
    /// land twice (one signature), and once its nonce has advanced it can never land.
    pub fn send_signed(&self, tx: &Transaction, nonce: &Pubkey) -> Result<Landed, SubmitError> {
        let programs: Vec<Pubkey> = tx
            .message
            .instructions
            .iter()
            .map(|i| tx.message.account_keys[usize::from(i.program_id_index)])
            .collect();
        let signature = tx.signatures[0];
        let config = RpcSimulateTransactionConfig {
            sig_verify: true,
            commitment: Some(CommitmentConfig::processed()),
            ..Default::default()
        };
        let simulated = self
            .with_retries(|rpc| rpc.simulate_transaction_with_config(tx, config.clone()))?
            .value;
        if let Some(err) = simulated.err {
            let err: TransactionError = err.into();
            // Already landed (a re-submission): the status below says so.
            if err != TransactionError::AlreadyProcessed
                && err != TransactionError::BlockhashNotFound
            {
                return Err(SubmitError::Program(explain(
                    &err,
                    &programs,
                    &simulated.logs.unwrap_or_default(),
                )));
            }
        }
        let compute_units = simulated.units_consumed.unwrap_or_default();
        for round in 0..self.config.attempts.max(1) * 15 {
            let _ = self.with_retries(|rpc| {
                rpc.send_transaction_with_config(
                    tx,
                    solana_rpc_client_api::config::RpcSendTransactionConfig {
                        skip_preflight: true,
                        ..Default::default()
                    },
                )
            });
            for _ in 0..5 {
                let status = self.with_retries(|rpc| {
                    rpc.get_signature_status_with_commitment(&signature, self.config.commitment)
                })?;
                match status {
                    Some(Ok(())) => {
                        return Ok(Landed {
                            signature,
                            compute_units,
                        })
                    }
                    Some(Err(err)) => return Err(self.failed(&signature, err, &programs)),
                    None => sleep(Duration::from_millis(400)),
                }
            }
            let account = self.with_retries(|rpc| rpc.get_account(nonce))?;
            let current = solana_rpc_client_nonce_utils::data_from_account(&account)
                .map(|d| d.blockhash())
                .ok();
            if current != Some(tx.message.recent_blockhash) {
                // The nonce moved on; one last look whether that was this transaction.
                if let Some(Ok(())) = self.with_retries(|rpc| {
                    rpc.get_signature_status_with_commitment(&signature, self.config.commitment)
                })? {
                    return Ok(Landed {
                        signature,
                        compute_units,
                    });
                }
                return Err(SubmitError::NotLanded {
                    attempts: round + 1,
                    signatures: vec![signature],
                });
            }
        }
        Err(SubmitError::NotLanded {
            attempts: self.config.attempts.max(1) * 15,
            signatures: vec![signature],
        })
    }

    /// Simulate, then send and confirm `ixs` signed by the payer and `signers`.
    pub fn send(&self, ixs: &[Instruction], signers: &[&Keypair]) -> Result<Landed, SubmitError> {
        self.send_with(ixs, signers, &mut |_| Ok(()))
    }

    /// Like [`Client::send`], calling `before_broadcast` with each signed copy's signature before it is
    /// sent (a caller's journal stores it there, so that a crash leaves it knowing what may have
    /// landed); an error from it stops the submission before that copy is sent.
    ///
    /// A copy is re-signed only when the chain, read at `confirmed` no earlier than any answer seen
    /// before, has passed the last valid block height of every copy sent, and no copy is known to the
    /// node even at `processed`; the instructions are simulated again first. Every copy's signature is
    /// in the result whenever the outcome is not certain.
    pub fn send_with(
        &self,
        ixs: &[Instruction],
        signers: &[&Keypair],
        before_broadcast: &mut dyn FnMut(&solana_transaction::Signature) -> Result<(), String>,
    ) -> Result<Landed, SubmitError> {
        let mut simulated = self.simulate(ixs, signers)?;
        let mut sent: Vec<solana_transaction::Signature> = vec![];
        // The newest slot an answer came from: later reads must not come from an older view.
        let mut seen_slot = 0u64;
        for attempt in 0..self.config.attempts.max(1) {
            if attempt > 0 {
                // Every copy so far has expired unseen: the state may have moved on since.
                simulated = match self.simulate(ixs, signers) {
                    Ok(units) => units,
                    Err(e) => return Err(after_copies(e, &sent)),
                };
            }
            let margin = simulated * self.config.compute_margin_percent / 100 + 1_000;
            let units = u32::try_from(simulated + margin)
                .unwrap_or(MAX_COMPUTE_UNITS)
                .min(MAX_COMPUTE_UNITS);
            let latest = self
                .with_retries(|rpc| {
                    rpc.get_latest_blockhash_with_commitment_and_context(
                        CommitmentConfig::confirmed(),
                    )
                })
                .map_err(|e| after_copies(e, &sent))?;
            seen_slot = seen_slot.max(latest.context.slot);
            let (blockhash, last_valid) = latest.value;
            let (tx, prefix) = self.build(ixs, units, signers, blockhash);
            let programs = Self::program_ids(ixs, prefix);
            let signature = tx.signatures[0];
            before_broadcast(&signature).map_err(|e| {
                after_copies(
                    SubmitError::Hook(format!("not sent: the caller refused it: {e}")),
                    &sent,
                )
            })?;
            sent.push(signature);
            // A send that fails at the RPC may still have reached the leader: the statuses decide.
            let _ = self.with_retries(|rpc| {
                rpc.send_transaction_with_config(
                    &tx,
                    solana_rpc_client_api::config::RpcSendTransactionConfig {
                        skip_preflight: true,
                        ..Default::default()
                    },
                )
            });
            loop {
                let statuses = self
                    .with_retries(|rpc| rpc.get_signature_statuses(&sent))
                    .map_err(|e| unknown(&sent, &e))?;
                seen_slot = seen_slot.max(statuses.context.slot);
                match self.decide(&sent, &statuses.value, simulated, &programs) {
                    Some(decided) => return decided,
                    None if statuses.value.iter().any(Option::is_some) => {} // under way
                    None if self.expired(last_valid, seen_slot, &sent)? => {
                        // Past the last valid block height of every copy at confirmed, and no copy
                        // known even at processed: one last look, through the ledger's history too.
                        let last = self
                            .with_retries(|rpc| rpc.get_signature_statuses_with_history(&sent))
                            .map_err(|e| unknown(&sent, &e))?;
                        if last.value.iter().all(Option::is_none) {
                            break;
                        }
                        if let Some(decided) = self.decide(&sent, &last.value, simulated, &programs)
                        {
                            return decided;
                        }
                    }
                    None => {}
                }
                sleep(Duration::from_millis(400));
            }
        }
        Err(SubmitError::NotLanded {
            attempts: self.config.attempts.max(1),
            signatures: sent,
        })
    }

    /// Whether the chain at `confirmed`, read from a view no older than `seen_slot`, is past
    /// `last_valid` (the newest copy's last valid block height, so past every copy's).
    fn expired(
        &self,
        last_valid: u64,
        seen_slot: u64,
        sent: &[solana_transaction::Signature],
    ) -> Result<bool, SubmitError> {
        let height: u64 = self
            .with_retries(|rpc| {
                rpc.send(
                    solana_rpc_client_api::request::RpcRequest::GetBlockHeight,
                    serde_json::json!([{ "commitment": "confirmed", "minContextSlot": seen_slot }]),
                )
            })
            .map_err(|e| unknown(sent, &e))?;
        Ok(height > last_valid)
    }

    /// The outcome, once `statuses` (of `sent`, in order) decide it: a copy landed at the configured
    /// commitment; or a copy failed on chain and no other is under way (a refusal of the only copy
    /// means nothing changed; of one of several, that another may have landed unseen).
    fn decide(
        &self,
        sent: &[solana_transaction::Signature],
        statuses: &[Option<solana_transaction_status_client_types::TransactionStatus>],
        compute_units: u64,
        programs: &[Pubkey],
    ) -> Option<Result<Landed, SubmitError>> {
        let mut failed = None;
        let mut under_way = false;
        for (sig, status) in sent.iter().zip(statuses) {
            let Some(status) = status else { continue };
            match &status.err {
                None if status.satisfies_commitment(self.config.commitment) => {
                    return Some(Ok(Landed {
                        signature: *sig,
                        compute_units,
                    }))
                }
                None => under_way = true,
                Some(err) => failed = Some((*sig, err.clone())),
            }
        }
        let (sig, err) = failed?;
        if under_way {
            return None;
        }
        let refused = self.failed(&sig, err, programs);
        Some(Err(if sent.len() == 1 {
            refused
        } else {
            after_copies(refused, sent)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::solana_program::instruction::AccountMeta;
    use solana_transaction::Signature;
    use solana_transaction_status_client_types::{
        TransactionConfirmationStatus, TransactionStatus,
    };

    fn transaction(data_len: usize, accounts: usize) -> Transaction {
        let payer = Pubkey::new_unique();
        let ix = Instruction {
            program_id: Pubkey::new_unique(),
            accounts: (0..accounts)
                .map(|_| AccountMeta::new_readonly(Pubkey::new_unique(), false))
                .collect(),
            data: vec![7; data_len],
        };
        Transaction::new_unsigned(Message::new(&[ix], Some(&payer)))
    }

    /// A client whose RPC is unreachable: `decide` reads the chain only for a failed copy's logs,
    /// which it explains without when they cannot be had.
    fn offline_client() -> Client {
        let config = SubmitConfig {
            rpc_retries: 1,
            ..Default::default()
        };
        Client::new("http://127.0.0.1:1", Keypair::new(), config)
    }

    fn status(
        confirmation: TransactionConfirmationStatus,
        err: Option<TransactionError>,
    ) -> Option<TransactionStatus> {
        Some(TransactionStatus {
            slot: 7,
            confirmations: Some(1),
            status: err.clone().map_or(Ok(()), Err),
            err,
            confirmation_status: Some(confirmation),
        })
    }

    #[test]
    fn decides_only_on_what_the_statuses_prove() {
        use TransactionConfirmationStatus::{Confirmed, Processed};
        let client = offline_client();
        let programs = [disbursement::ID];
        let sent = [Signature::from([1; 64]), Signature::from([2; 64])];
        let refused = Some(TransactionError::InstructionError(
            0,
            solana_instruction_error::InstructionError::Custom(6000),
        ));
        let decide = |sent: &[Signature], statuses: &[Option<TransactionStatus>]| {
            client.decide(sent, statuses, 1_000, &programs)
        };
        // Landed at the configured commitment (confirmed): that copy, whichever it is.
        match decide(&sent, &[None, status(Confirmed, None)]) {
            Some(Ok(landed)) => assert_eq!(landed.signature, sent[1]),
            other => panic!("expected the second copy landed, got {other:?}"),
        }
        // Processed only, or nothing known: not decided yet.
        assert!(decide(&sent, &[status(Processed, None), None]).is_none());
        assert!(decide(&sent, &[None, None]).is_none());
        // A copy failed while another is under way: that one may still land.
        assert!(decide(
            &sent,
            &[status(Processed, None), status(Confirmed, refused.clone())]
        )
        .is_none());
        // The only copy refused: nothing changed.
        assert!(matches!(
            decide(&sent[..1], &[status(Confirmed, refused.clone())]),
            Some(Err(SubmitError::Program(_)))
        ));
        // A re-signed copy refused, the first unseen: the first may have landed unseen.
        match decide(&sent, &[None, status(Confirmed, refused)]) {
            Some(Err(SubmitError::MaybeLanded { signatures, .. })) => {
                assert_eq!(signatures, sent.to_vec())
            }
            other => panic!("expected MaybeLanded, got {other:?}"),
        }
    }

    #[test]
    fn an_error_after_copies_went_out_never_reads_as_nothing_changed() {
        let sent = [Signature::from([3; 64])];
        let refusal = || {
            SubmitError::Program(Explained {
                summary: "refused".into(),
                details: vec![],
            })
        };
        assert!(matches!(
            after_copies(refusal(), &[]),
            SubmitError::Program(_)
        ));
        assert!(matches!(
            after_copies(refusal(), &sent),
            SubmitError::MaybeLanded { .. }
        ));
        match after_copies(SubmitError::Hook("journal full".into()), &sent) {
            SubmitError::Unknown { signatures, cause } => {
                assert_eq!(signatures, sent.to_vec());
                assert_eq!(cause, "journal full");
            }
            other => panic!("expected Unknown, got {other:?}"),
        }
    }

    #[test]
    fn refuses_a_transaction_one_byte_over_the_limit() {
        // Find the data length that makes the transaction exactly the limit (the data's length
        // prefix is two bytes from 128 on, so start above it).
        let base = bincode::serialized_size(&transaction(200, 3)).unwrap() as usize;
        let fits = 200 + MAX_TRANSACTION_BYTES - base;
        assert_eq!(
            bincode::serialized_size(&transaction(fits, 3)).unwrap() as usize,
            MAX_TRANSACTION_BYTES
        );
        assert!(check_size(&transaction(fits, 3)).is_ok());
        match check_size(&transaction(fits + 1, 3)) {
            Err(SubmitError::TooLarge {
                size,
                limit,
                accounts,
                instructions,
            }) => {
                assert_eq!(
                    (size, limit),
                    (MAX_TRANSACTION_BYTES + 1, MAX_TRANSACTION_BYTES)
                );
                // Payer, program and the three accounts; one instruction.
                assert_eq!((accounts, instructions), (5, 1));
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
        let message = check_size(&transaction(fits + 21, 3))
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("the transaction is 1253 bytes, 21 more than the 1232"),
            "{message}"
        );
    }
}
