//! The indexer's store and projections on the recorded fixture (real transactions of the local chain,
//! recorded by scripts/e2e.sh): idempotent writes, fork removal with the projections rebuilt, and
//! refusals that leave a database untouched. The end-to-end runs against the validator, SQLite and
//! PostgreSQL are in scripts/e2e-index.sh.

use base64::Engine;
use fisc_indexer::decode::{DecodedTx, Decoder};
use fisc_indexer::source::Recorded;
use fisc_indexer::store::{cursor_key, Store};
use solana_message::VersionedMessage;
use solana_transaction_status_client_types::{EncodedTransaction, TransactionBinaryEncoding};
use sqlx::Row;

fn recorded() -> Vec<Recorded> {
    // The run-time manifest dir: a test binary cached from a clone elsewhere keeps its compile-time one.
    let dir =
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let path = std::path::Path::new(&dir).join("../tests/fixtures/index-transactions.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn fixture() -> Vec<DecodedTx> {
    let decoder = Decoder::new();
    recorded()
        .iter()
        .map(|r| decoder.decode(&r.signature, &r.transaction).unwrap())
        .collect()
}

/// `recorded` with the data of its first top-level instruction to one of fisc's programs changed by
/// `change`: what anyone can send a program (the fixture's status meta is kept).
fn with_instruction_data(recorded: &mut Recorded, change: impl FnOnce(&mut Vec<u8>)) {
    let fisc: Vec<_> = Decoder::new()
        .program_ids()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let encoded = &mut recorded.transaction.transaction.transaction;
    let mut tx = encoded.decode().unwrap();
    let keys = tx.message.static_account_keys().to_vec();
    let instructions = match &mut tx.message {
        VersionedMessage::Legacy(m) => &mut m.instructions,
        VersionedMessage::V0(m) => &mut m.instructions,
        other => panic!("the fixture holds legacy and v0 messages only, not {other:?}"),
    };
    let ix = instructions
        .iter_mut()
        .find(|ix| fisc.contains(&keys[usize::from(ix.program_id_index)]))
        .expect("a fisc instruction");
    change(&mut ix.data);
    *encoded = EncodedTransaction::Binary(
        base64::engine::general_purpose::STANDARD.encode(bincode::serialize(&tx).unwrap()),
        TransactionBinaryEncoding::Base64,
    );
}

#[tokio::test]
async fn an_undecodable_instruction_is_kept_and_never_stops_the_index() {
    let decoder = Decoder::new();
    let mut recorded = recorded();
    let clean: Vec<DecodedTx> = recorded
        .iter()
        .map(|r| decoder.decode(&r.signature, &r.transaction).unwrap())
        .collect();
    let (junk, trailing) = (3, 7);
    // An unknown discriminator (the transaction a griefer sends), and one byte too many after a known
    // instruction's arguments (which Anchor's own dispatch accepts).
    with_instruction_data(&mut recorded[junk], |data| {
        data[..8].copy_from_slice(&[0xff; 8])
    });
    with_instruction_data(&mut recorded[trailing], |data| data.push(0));
    let txs: Vec<DecodedTx> = recorded
        .iter()
        .map(|r| decoder.decode(&r.signature, &r.transaction).unwrap())
        .collect();
    for (at, reason) in [
        (
            junk,
            "that its IDL does not know (data begins ffffffffffffffff)",
        ),
        (trailing, "1 byte(s) left over after its arguments"),
    ] {
        let undecoded = &txs[at].undecoded;
        assert_eq!(undecoded.len(), 1, "{undecoded:?}");
        assert_eq!(
            (undecoded[0].kind, undecoded[0].inner_index),
            ("instruction", None)
        );
        assert!(
            undecoded[0].reason.ends_with(reason),
            "{}",
            undecoded[0].reason
        );
        assert_eq!(txs[at].instructions.len() + 1, clean[at].instructions.len());
        // Its events came from the program and are kept.
        assert_eq!(txs[at].events, clean[at].events);
    }
    // Every transaction is indexed, the two items kept with their bytes.
    let (_dir, store) = index(&txs).await;
    assert_eq!(
        scalar(&store, "SELECT COUNT(*) FROM transactions").await as usize,
        txs.len()
    );
    assert_eq!(scalar(&store, "SELECT COUNT(*) FROM undecoded").await, 2);
    let kept: String =
        sqlx::query("SELECT data FROM undecoded WHERE reason LIKE '%does not know%'")
            .fetch_one(store.pool())
            .await
            .unwrap()
            .get(0);
    assert!(kept.starts_with("ffffffffffffffff"), "{kept}");
    assert!(store.counts().await.unwrap().contains(&("undecoded", 2)));
}

async fn index(txs: &[DecodedTx]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("index.sqlite").to_str().unwrap())
        .await
        .unwrap();
    for tx in txs {
        assert!(
            store.write(tx, &[]).await.unwrap(),
            "{} is new",
            tx.signature
        );
    }
    (dir, store)
}

async fn scalar(store: &Store, sql: &str) -> i64 {
    sqlx::query(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
        .get(0)
}

/// A dump without the transactions table (whose chain-order numbers differ once a fork took one).
fn without_transactions(dump: String) -> String {
    let mut keep = true;
    dump.lines()
        .filter(|l| {
            if l.starts_with("# ") {
                keep = !l.starts_with("# transactions ");
            }
            keep
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn the_fixture_decodes_into_every_table() {
    let txs = fixture();
    // Every instruction and event of the real history decodes, with no byte left over.
    for tx in &txs {
        assert!(
            tx.undecoded.is_empty(),
            "{}: {:?}",
            tx.signature,
            tx.undecoded
        );
    }
    let (_dir, store) = index(&txs).await;
    let events: usize = txs.iter().map(|t| t.events.len()).sum();
    assert_eq!(
        scalar(&store, "SELECT COUNT(*) FROM events").await as usize,
        events
    );
    assert_eq!(
        scalar(&store, "SELECT COUNT(*) FROM transactions").await as usize,
        txs.len()
    );
    // The scenario's payment and the CLI's are executed; the payment run's 12 are proposed.
    assert_eq!(
        scalar(
            &store,
            "SELECT COUNT(*) FROM payment_requests WHERE status = 'executed'"
        )
        .await,
        2
    );
    assert_eq!(
        scalar(
            &store,
            "SELECT COUNT(*) FROM payment_requests WHERE status = 'proposed'"
        )
        .await,
        12
    );
    assert_eq!(
        scalar(&store, "SELECT disbursed FROM budget_accounts").await,
        5_100_000_000
    );
    assert_eq!(scalar(&store, "SELECT COUNT(*) FROM outlays").await, 2);
    assert_eq!(scalar(&store, "SELECT COUNT(*) FROM transfers").await, 1);
    // The outlay made by CPI is indexed as an inner instruction of each payment execution.
    assert_eq!(
        scalar(
            &store,
            "SELECT COUNT(*) FROM instructions WHERE name = 'outlay_execute' AND inner_index >= 0"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn writing_twice_changes_nothing() {
    let txs = fixture();
    let (_dir, store) = index(&txs).await;
    let before = store.dump().await.unwrap();
    for tx in &txs {
        assert!(
            !store.write(tx, &[]).await.unwrap(),
            "{} is already indexed",
            tx.signature
        );
    }
    assert_eq!(store.dump().await.unwrap(), before);
}

#[tokio::test]
async fn a_removed_fork_leaves_the_index_as_if_it_never_happened() {
    let txs = fixture();
    let dropped = txs
        .iter()
        .rev()
        .find(|t| t.events.iter().any(|e| e.name == "PaymentExecuted"))
        .unwrap()
        .signature
        .clone();
    let (_dir, store) = index(&txs).await;
    // Everything is finalized except the dropped transaction and what came after it; the cursors are
    // at the newest transaction.
    let at = txs.iter().position(|t| t.signature == dropped).unwrap();
    let older: Vec<String> = txs[..at].iter().map(|t| t.signature.clone()).collect();
    store.mark_finalized(&older).await.unwrap();
    for program in ["budget", "disbursement", "titles"] {
        store
            .set_meta(&cursor_key(program), &txs.last().unwrap().signature)
            .await
            .unwrap();
    }
    store
        .remove(
            std::slice::from_ref(&dropped),
            &["budget", "disbursement", "titles"],
        )
        .await
        .unwrap();
    // Each cursor is back at its program's newest finalized transaction below the dropped one's slot,
    // so a transaction that landed in another slot is listed again.
    let slot = txs[at].slot;
    for program in ["budget", "disbursement", "titles"] {
        let expected = txs[..at]
            .iter()
            .rev()
            .find(|t| {
                t.slot < slot
                    && (t.instructions.iter().any(|i| i.program == program)
                        || t.events.iter().any(|e| e.program == program))
            })
            .map(|t| t.signature.clone());
        assert_eq!(
            store.meta(&cursor_key(program)).await.unwrap(),
            expected,
            "{program}"
        );
    }

    let survivors: Vec<DecodedTx> = txs
        .iter()
        .filter(|t| t.signature != dropped)
        .cloned()
        .collect();
    let (_dir2, reference) = index(&survivors).await;
    assert_eq!(
        without_transactions(store.dump().await.unwrap()),
        without_transactions(reference.dump().await.unwrap())
    );
    assert_eq!(
        scalar(&store, "SELECT disbursed FROM budget_accounts").await,
        5_000_000_000
    );
    assert_eq!(
        scalar(
            &store,
            "SELECT COUNT(*) FROM payment_requests WHERE status = 'executed'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    std::fs::write(&path, "budget notes\n").unwrap();
    let err = Store::open(path.to_str().unwrap())
        .await
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("is not an SQLite database"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "budget notes\n");
}

#[tokio::test]
async fn a_newer_schema_is_refused() {
    let (dir, store) = index(&fixture()[..3]).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (99, 'future', 1, x'00', 0)",
    )
    .execute(store.pool())
    .await
    .unwrap();
    drop(store);
    let err = Store::open(dir.path().join("index.sqlite").to_str().unwrap())
        .await
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("schema 99, written by a newer fisc"), "{err}");
}

#[tokio::test]
async fn an_index_of_another_cluster_is_refused() {
    let (_dir, store) = index(&[]).await;
    store.bind_cluster("GenesisOfLocalnet").await.unwrap();
    store.bind_cluster("GenesisOfLocalnet").await.unwrap();
    let err = store
        .bind_cluster("GenesisOfDevnet")
        .await
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("indexes another cluster"), "{err}");
}
