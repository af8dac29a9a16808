//! The SVM under test: LiteSVM with fisc's three programs loaded from their built `.so` files.

use std::path::PathBuf;

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{AccountDeserialize, Discriminator, Event};
use litesvm::types::{FailedTransactionMetadata, TransactionMetadata};
use litesvm::LiteSVM;
use solana_instruction_error::InstructionError;
use solana_keypair::Keypair;
use solana_loader_v3_interface::state::UpgradeableLoaderState;
use solana_message::Message;
use solana_signer::Signer;
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;

use crate::keys::keypair;

/// The programs fisc deploys, by crate name and id.
pub const PROGRAMS: [(&str, Pubkey); 3] = [
    ("budget", budget::ID),
    ("disbursement", disbursement::ID),
    ("titles", titles::ID),
];

/// Lamports every fresh signer gets.
pub const AIRDROP: u64 = 100_000_000_000;

/// Where the built programs are: `$FISC_DEPLOY_DIR`, else `$CARGO_TARGET_DIR/deploy`, else the
/// workspace's `target/deploy` (where `scripts/sbf.sh build` and `anchor build` put them).
pub fn deploy_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("FISC_DEPLOY_DIR") {
        return PathBuf::from(dir);
    }
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::manifest_dir().join("../target"))
        .join("deploy")
}

/// A transaction that succeeded.
#[derive(Debug)]
pub struct Sent {
    /// What the runtime reported: logs, inner instructions, compute units.
    pub meta: TransactionMetadata,
    /// Accounts that did not exist before the transaction, with their data length.
    pub created: Vec<(Pubkey, usize)>,
    /// The message's account keys, to resolve inner instructions' program ids.
    pub account_keys: Vec<Pubkey>,
}

impl Sent {
    pub fn compute_units(&self) -> u64 {
        self.meta.compute_units_consumed
    }

    /// Every event of type `E` that `program` emitted through `emit_cpi!`, in order.
    pub fn events<E: Event + Discriminator>(&self, program: &Pubkey) -> Vec<E> {
        let tag = anchor_lang::event::EVENT_IX_TAG_LE;
        self.meta
            .inner_instructions
            .iter()
            .flatten()
            .filter(|inner| {
                self.account_keys[inner.instruction.program_id_index as usize] == *program
            })
            .filter_map(|inner| {
                let body = inner
                    .instruction
                    .data
                    .strip_prefix(tag)?
                    .strip_prefix(E::DISCRIMINATOR)?;
                Some(E::deserialize(&mut &body[..]).expect("event does not decode"))
            })
            .collect()
    }

    /// The one event of type `E` that `program` emitted; panics unless there is exactly one.
    pub fn event<E: Event + Discriminator>(&self, program: &Pubkey) -> E {
        let mut events = self.events::<E>(program);
        assert_eq!(
            events.len(),
            1,
            "expected exactly one event, logs:\n{}",
            self.meta.pretty_logs()
        );
        events.remove(0)
    }
}

/// The custom error code of a failed transaction, if the failure was a program error.
pub fn error_code(failed: &FailedTransactionMetadata) -> Option<u32> {
    match &failed.err {
        TransactionError::InstructionError(_, InstructionError::Custom(code)) => Some(*code),
        _ => None,
    }
}

/// Assert that `result` failed with `expected` (an Anchor error code or a program's error enum).
#[track_caller]
pub fn assert_error<T: std::fmt::Debug>(
    result: Result<T, FailedTransactionMetadata>,
    expected: impl Into<u32>,
) {
    let expected = expected.into();
    match result {
        Ok(ok) => panic!("expected error {expected}, transaction succeeded: {ok:?}"),
        Err(failed) => assert_eq!(
            error_code(&failed),
            Some(expected),
            "wrong failure {:?}, logs:\n{}",
            failed.err,
            failed.meta.pretty_logs()
        ),
    }
}

/// Asserts that `failed`'s logs hold a line containing `text` (a program's explanation, a runtime
/// message).
pub fn assert_logged(failed: &FailedTransactionMetadata, text: &str) {
    assert!(
        failed.meta.logs.iter().any(|l| l.contains(text)),
        "no log line contains {text:?}:\n{}",
        failed.meta.pretty_logs()
    );
}

/// [`assert_error`] of `expected`, and [`assert_logged`] of `text`.
pub fn assert_error_logged<T: std::fmt::Debug>(
    result: Result<T, FailedTransactionMetadata>,
    expected: impl Into<u32>,
    text: &str,
) {
    let expected = expected.into();
    match result {
        Ok(ok) => panic!("expected error {expected}, transaction succeeded: {ok:?}"),
        Err(failed) => {
            assert_logged(&failed, text);
            assert_error(Err::<T, _>(failed), expected);
        }
    }
}

/// LiteSVM with fisc's programs, a funded fee payer and the programs' upgrade authority.
pub struct Harness {
    pub svm: LiteSVM,
    /// Pays fees and rent.
    pub payer: Keypair,
    /// Upgrade authority of all three programs (the deployer).
    pub upgrade_authority: Keypair,
}

impl Clone for Harness {
    /// A copy of the whole SVM state: cheaper than loading the programs again.
    fn clone(&self) -> Self {
        Self {
            svm: self.svm.clone(),
            payer: self.payer.insecure_clone(),
            upgrade_authority: self.upgrade_authority.insecure_clone(),
        }
    }
}

impl Default for Harness {
    fn default() -> Self {
        Self::new()
    }
}

impl Harness {
    /// Load the three programs from their `.so` files, upgradeable, with `upgrade_authority` set.
    pub fn new() -> Self {
        let mut svm = LiteSVM::new();
        let payer = keypair("payer");
        let upgrade_authority = keypair("upgrade-authority");
        for (name, id) in PROGRAMS {
            let so = deploy_dir().join(format!("{name}.so"));
            assert!(
                so.exists(),
                "{} is missing: build the programs with `scripts/sbf.sh build` (or `anchor build`)",
                so.display()
            );
            svm.add_program_from_file(id, &so)
                .unwrap_or_else(|e| panic!("loading {}: {e:?}", so.display()));
            set_upgrade_authority(&mut svm, &id, &upgrade_authority.pubkey());
        }
        let mut harness = Self {
            svm,
            payer,
            upgrade_authority,
        };
        harness.fund(&harness.payer.pubkey());
        harness.fund(&harness.upgrade_authority.pubkey());
        harness
    }

    /// Give `who` lamports for fees and rent.
    pub fn fund(&mut self, who: &Pubkey) {
        self.svm.airdrop(who, AIRDROP).expect("airdrop");
    }

    /// A deterministic keypair named `name`, funded.
    pub fn signer(&mut self, name: &str) -> Keypair {
        let kp = keypair(name);
        self.fund(&kp.pubkey());
        kp
    }

    /// Send `ixs` paid by the payer and signed by `signers`; a fresh blockhash every time, so that the
    /// same instructions can be sent again.
    pub fn send(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Sent, FailedTransactionMetadata> {
        let mut all: Vec<&Keypair> = vec![&self.payer];
        all.extend(
            signers
                .iter()
                .copied()
                .filter(|s| s.pubkey() != self.payer.pubkey()),
        );
        let message = Message::new(ixs, Some(&self.payer.pubkey()));
        let account_keys = message.account_keys.clone();
        let existed: Vec<(Pubkey, bool)> = message
            .account_keys
            .iter()
            .map(|k| (*k, self.svm.get_account(k).is_some_and(|a| a.lamports > 0)))
            .collect();
        let tx = Transaction::new(&all, message, self.svm.latest_blockhash());
        let result = self.svm.send_transaction(tx);
        self.svm.expire_blockhash();
        let meta = result?;
        let created = existed
            .into_iter()
            .filter(|(_, existed)| !existed)
            .filter_map(|(k, _)| self.svm.get_account(&k).map(|a| (k, a.data.len())))
            .collect();
        Ok(Sent {
            meta,
            created,
            account_keys,
        })
    }

    /// Send and panic with the logs on failure.
    #[track_caller]
    pub fn send_ok(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> Sent {
        match self.send(ixs, signers) {
            Ok(sent) => sent,
            Err(failed) => panic!(
                "transaction failed: {:?}\n{}",
                failed.err,
                failed.meta.pretty_logs()
            ),
        }
    }

    /// Deserialize the Anchor account at `address`; panics if it is missing or of another type.
    #[track_caller]
    pub fn account<T: AccountDeserialize>(&self, address: &Pubkey) -> T {
        let account = self
            .svm
            .get_account(address)
            .unwrap_or_else(|| panic!("account {address} does not exist"));
        T::try_deserialize(&mut account.data.as_slice())
            .unwrap_or_else(|e| panic!("account {address} does not decode: {e}"))
    }

    /// Raw data of the account at `address`, or `None` when it does not exist.
    pub fn data(&self, address: &Pubkey) -> Option<Vec<u8>> {
        self.svm
            .get_account(address)
            .filter(|a| a.lamports > 0)
            .map(|a| a.data)
    }
}

/// Rewrite an upgradeable program's program-data header so that `authority` is its upgrade authority
/// (LiteSVM deploys programs with none), keeping the ELF that follows it.
fn set_upgrade_authority(svm: &mut LiteSVM, program: &Pubkey, authority: &Pubkey) {
    let programdata = programdata_address(program);
    let mut account = svm.get_account(&programdata).expect("program data account");
    let header = UpgradeableLoaderState::size_of_programdata_metadata();
    let state = UpgradeableLoaderState::ProgramData {
        slot: 0,
        upgrade_authority_address: Some(*authority),
    };
    let bytes = bincode::serialize(&state).expect("program data header");
    account.data[..header].copy_from_slice(&bytes);
    svm.set_account(programdata, account)
        .expect("set program data");
}

/// The program-data account of an upgradeable program.
pub fn programdata_address(program: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(
        &[program.as_ref()],
        &solana_sdk_ids::bpf_loader_upgradeable::ID,
    )
    .0
}

/// `ix` with `key` no longer marked as a signer: the "missing signature" attack.
pub fn unsigned(mut ix: Instruction, key: &Pubkey) -> Instruction {
    let mut found = false;
    for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == *key) {
        meta.is_signer = false;
        found = true;
    }
    assert!(found, "{key} is not an account of the instruction");
    ix
}

/// `ix` with every use of account `from` replaced by `to`: the "substituted account" attack.
pub fn substituted(mut ix: Instruction, from: &Pubkey, to: &Pubkey) -> Instruction {
    let mut found = false;
    for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == *from) {
        meta.pubkey = *to;
        found = true;
    }
    assert!(found, "{from} is not an account of the instruction");
    ix
}
