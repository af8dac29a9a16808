//! The indexer's store and projections on the recorded fixture (real transactions of the local chain,
//! recorded by scripts/e2e.sh): idempotent writes, fork removal with the projections rebuilt, and
//! refusals that leave a database untouched. The end-to-end runs against the validator, SQLite and
//! PostgreSQL are in scripts/e2e-index.sh.

use fisc_indexer::decode::{DecodedTx, Decoder};
use fisc_indexer::source::Recorded;
use fisc_indexer::store::Store;
use sqlx::Row;

fn fixture() -> Vec<DecodedTx> {
    // The run-time manifest dir: a test binary cached from a clone elsewhere keeps its compile-time one.
    let dir =
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let path = std::path::Path::new(&dir).join("../tests/fixtures/index-transactions.json");
    let recorded: Vec<Recorded> = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let decoder = Decoder::new();
    recorded
        .iter()
        .map(|r| decoder.decode(&r.signature, &r.transaction).unwrap())
        .collect()
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
    store.remove(std::slice::from_ref(&dropped)).await.unwrap();

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
