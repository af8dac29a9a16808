//! The index database: SQLite (a file, the default) or PostgreSQL (a URL), one schema with migrations
//! embedded from `client/migrations/`, one code path for both through sqlx's Any driver.
//!
//! Each transaction is written in one database transaction together with the cursors that say how far
//! the indexer got, so a kill at any moment leaves either all of a transaction or none of it, and a
//! restart neither loses nor repeats anything (rows are keyed by signature and position).

use anyhow::{anyhow, bail, Context, Result};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyPool, Column, Row, Transaction};

use super::decode::DecodedTx;
use super::projection;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// Which database is behind the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// An open, migrated fisc index.
pub struct Store {
    pool: AnyPool,
    pub backend: Backend,
    /// The URL without credentials, for messages.
    pub display: String,
}

/// The `fisc_index` key of `program`'s cursor: the newest signature of its history taken in.
pub fn cursor_key(program: &str) -> String {
    format!("cursor:{program}")
}

/// The tables written from the chain as read: each row belongs to one transaction.
const RAW_TABLES: [&str; 4] = ["transactions", "instructions", "events", "undecoded"];

/// The projection tables, in the order they are rebuilt and dumped.
pub const PROJECTIONS: &[&str] = &[
    "agencies",
    "members",
    "budget_accounts",
    "obligations",
    "outlays",
    "payment_requests",
    "approvals",
    "batch_items",
    "properties",
    "transfers",
    "liens",
    "building_records",
];

/// A `--database` value as a sqlx URL: a plain path is an SQLite file, created when missing.
pub fn database_url(database: &str) -> String {
    if database.starts_with("postgres://")
        || database.starts_with("postgresql://")
        || database.starts_with("sqlite:")
    {
        database.to_string()
    } else {
        format!("sqlite://{database}?mode=rwc")
    }
}

fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…{}", &url[..scheme], &url[at..]),
        _ => url.to_string(),
    }
}

impl Store {
    /// Opens (and creates or migrates) the index at `database`: a file path or a sqlite:/postgres: URL.
    /// Refuses a file that is not an SQLite database, a database holding someone else's tables, and a
    /// schema newer than this fisc knows; none of them is touched.
    pub async fn open(database: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let url = database_url(database);
        let display = redact(&url);
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        if backend == Backend::Sqlite {
            let path = url
                .trim_start_matches("sqlite://")
                .trim_start_matches("sqlite:");
            let path = path.split('?').next().unwrap_or(path);
            if let Ok(bytes) = std::fs::read(path) {
                if !bytes.is_empty() && !bytes.starts_with(b"SQLite format 3\0") {
                    bail!("{path} is not an SQLite database, so not a fisc index: choose another --database (nothing was changed)");
                }
            }
        }
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 1 } else { 4 })
            .connect(&url)
            .await
            .with_context(|| format!("cannot open the index database {display}"))?;
        let store = Store {
            pool,
            backend,
            display,
        };
        store.check_ownership().await?;
        if backend == Backend::Sqlite {
            sqlx::query("PRAGMA journal_mode=WAL")
                .execute(&store.pool)
                .await?;
        }
        MIGRATOR
            .run(&store.pool)
            .await
            .with_context(|| format!("cannot migrate the index database {}", store.display))?;
        Ok(store)
    }

    async fn check_ownership(&self) -> Result<()> {
        let tables_sql = match self.backend {
            Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            Backend::Postgres => {
                "SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = current_schema()"
            }
        };
        let tables: Vec<String> = sqlx::query(tables_sql)
            .fetch_all(&self.pool)
            .await
            .with_context(|| format!("cannot read the tables of {}", self.display))?
            .iter()
            .map(|r| r.get::<String, _>(0))
            .collect();
        // Nothing yet, or a first migration that was interrupted before its transaction committed.
        if tables.iter().all(|t| t == "_sqlx_migrations") {
            return Ok(());
        }
        if !tables.iter().any(|t| t == "fisc_index")
            || !tables.iter().any(|t| t == "_sqlx_migrations")
        {
            bail!(
                "{} holds tables that are not a fisc index ({}): choose another --database (nothing was changed)",
                self.display,
                tables.join(", ")
            );
        }
        let newest: Option<i64> = sqlx::query("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        let known = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
        if let Some(v) = newest.filter(|v| *v > known) {
            bail!(
                "{} has index schema {v}, written by a newer fisc (this one knows schema {known}): upgrade fisc (nothing was changed)",
                self.display
            );
        }
        Ok(())
    }

    /// The newest schema version this fisc knows.
    pub fn schema_version() -> i64 {
        MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A value of the `fisc_index` table.
    pub async fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(sqlx::query("SELECT value FROM fisc_index WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.get(0)))
    }

    /// Sets a value of the `fisc_index` table.
    pub async fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        set_meta(&mut *self.pool.acquire().await?, key, value).await
    }

    /// Ties the index to one cluster: the first run records its genesis hash, later runs must match.
    pub async fn bind_cluster(&self, genesis_hash: &str) -> Result<()> {
        match self.meta("genesis_hash").await? {
            None => self.set_meta("genesis_hash", genesis_hash).await,
            Some(h) if h == genesis_hash => Ok(()),
            Some(h) => bail!(
                "{} indexes another cluster (genesis {h}, this RPC serves {genesis_hash}): use another --database",
                self.display
            ),
        }
    }

    /// Whether a signature is already indexed.
    pub async fn has(&self, signature: &str) -> Result<bool> {
        Ok(
            sqlx::query("SELECT 1 FROM transactions WHERE signature = $1")
                .bind(signature)
                .fetch_optional(&self.pool)
                .await?
                .is_some(),
        )
    }

    /// Writes a transaction, its instructions, events and projections, and the cursors, atomically.
    /// Returns false when the transaction was already indexed (nothing is written twice).
    pub async fn write(&self, tx: &DecodedTx, cursors: &[(String, String)]) -> Result<bool> {
        let mut db = self.pool.begin().await?;
        let inserted = insert_transaction(&mut db, tx).await?;
        for (key, value) in cursors {
            set_meta(&mut db, key, value).await?;
        }
        db.commit().await.context("cannot commit to the index")?;
        Ok(inserted)
    }

    /// Indexed transactions not yet marked finalized, oldest first.
    pub async fn unfinalized(&self) -> Result<Vec<(String, u64)>> {
        Ok(
            sqlx::query(
                "SELECT signature, slot FROM transactions WHERE finalized = 0 ORDER BY seq",
            )
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1) as u64))
            .collect(),
        )
    }

    /// Marks transactions finalized.
    pub async fn mark_finalized(&self, signatures: &[String]) -> Result<()> {
        let mut db = self.pool.begin().await?;
        for s in signatures {
            sqlx::query("UPDATE transactions SET finalized = 1 WHERE signature = $1")
                .bind(s)
                .execute(&mut *db)
                .await?;
        }
        db.commit().await?;
        Ok(())
    }

    /// Removes transactions of a fork that did not survive, rebuilds the projections without them, and
    /// rewinds the cursor of each of `programs` to its newest finalized transaction below the lowest
    /// removed slot (or to the start of its history): a removed transaction that landed in another
    /// slot is listed and fetched again, what is still indexed is not fetched twice.
    pub async fn remove(&self, signatures: &[String], programs: &[&str]) -> Result<()> {
        let mut db = self.pool.begin().await?;
        let mut lowest: Option<i64> = None;
        for s in signatures {
            let slot: Option<i64> =
                sqlx::query("SELECT slot FROM transactions WHERE signature = $1")
                    .bind(s)
                    .fetch_optional(&mut *db)
                    .await?
                    .map(|r| r.get(0));
            if let Some(slot) = slot {
                lowest = Some(lowest.map_or(slot, |l| l.min(slot)));
            }
            for table in RAW_TABLES {
                sqlx::query(&format!("DELETE FROM {table} WHERE signature = $1"))
                    .bind(s)
                    .execute(&mut *db)
                    .await?;
            }
        }
        if let Some(lowest) = lowest {
            for program in programs {
                let cursor: Option<String> = sqlx::query(
                    "SELECT t.signature FROM transactions t WHERE t.finalized = 1 AND t.slot < $1 AND (
                         EXISTS (SELECT 1 FROM instructions i WHERE i.signature = t.signature AND i.program = $2)
                         OR EXISTS (SELECT 1 FROM events e WHERE e.signature = t.signature AND e.program = $2)
                         OR EXISTS (SELECT 1 FROM undecoded u WHERE u.signature = t.signature AND u.program = $2))
                     ORDER BY t.seq DESC LIMIT 1",
                )
                .bind(lowest)
                .bind(*program)
                .fetch_optional(&mut *db)
                .await?
                .map(|r| r.get(0));
                let key = cursor_key(program);
                match cursor {
                    Some(signature) => set_meta(&mut db, &key, &signature).await?,
                    None => {
                        sqlx::query("DELETE FROM fisc_index WHERE key = $1")
                            .bind(&key)
                            .execute(&mut *db)
                            .await?;
                    }
                }
            }
        }
        projection::rebuild(&mut db).await?;
        db.commit().await?;
        Ok(())
    }

    /// Deletes every indexed row (the schema and the cluster binding stay): the benchmark's reset.
    pub async fn clear(&self) -> Result<()> {
        let mut db = self.pool.begin().await?;
        for table in RAW_TABLES.iter().chain(PROJECTIONS) {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *db)
                .await?;
        }
        db.commit().await?;
        Ok(())
    }

    /// How many indexed transactions are marked finalized, of how many.
    pub async fn finality(&self) -> Result<(i64, i64)> {
        let row = sqlx::query("SELECT COALESCE(SUM(finalized), 0), COUNT(*) FROM transactions")
            .fetch_one(&self.pool)
            .await?;
        Ok((row.try_get(0)?, row.try_get(1)?))
    }

    /// The slot of the newest indexed transaction (0 for an empty index).
    pub async fn last_slot(&self) -> Result<i64> {
        let row = sqlx::query("SELECT COALESCE(MAX(slot), 0) FROM transactions")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    /// How many indexed transactions failed on chain (kept; a failed transaction changes nothing), and
    /// how many instructions and events the IDLs did not decode (table `undecoded`).
    pub async fn unusual(&self) -> Result<(i64, i64)> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM transactions WHERE err IS NOT NULL), (SELECT COUNT(*) FROM undecoded)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_get(0)?, row.try_get(1)?))
    }

    /// Counts of rows per table.
    pub async fn counts(&self) -> Result<Vec<(&'static str, i64)>> {
        let mut out = vec![];
        for table in RAW_TABLES.iter().chain(PROJECTIONS) {
            let n: i64 = sqlx::query(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?;
            out.push((*table, n));
        }
        Ok(out)
    }

    /// Every row of every table in a canonical order, as text: two indexes of the same chain history
    /// dump the same, whatever interruptions they went through. Finality marks are left out (they
    /// depend on when the indexer ran, not on what it read).
    pub async fn dump(&self) -> Result<String> {
        let mut out = String::new();
        let tables = [
            (
                "transactions",
                "signature, seq, slot, block_time, fee, compute_units, signer, err",
                "seq",
            ),
            ("instructions", "*", "signature, ix_index, inner_index"),
            ("events", "*", "signature, event_index"),
            ("undecoded", "*", "signature, item"),
        ];
        let projections = PROJECTIONS.iter().map(|t| (*t, "*", "1, 2, 3"));
        for (table, columns, order) in tables.into_iter().chain(projections) {
            let rows = sqlx::query(&format!("SELECT {columns} FROM {table} ORDER BY {order}"))
                .fetch_all(&self.pool)
                .await?;
            out.push_str(&format!("# {table} ({} rows)\n", rows.len()));
            for row in rows {
                out.push_str(&render(&row)?);
                out.push('\n');
            }
        }
        Ok(out)
    }
}

fn render(row: &AnyRow) -> Result<String> {
    let mut cells = vec![];
    for (i, column) in row.columns().iter().enumerate() {
        let cell = if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
            v.map_or("NULL".into(), |v| v.to_string())
        } else if let Ok(v) = row.try_get::<Option<String>, _>(i) {
            v.unwrap_or_else(|| "NULL".into())
        } else {
            return Err(anyhow!(
                "column {} has a type the dump does not know",
                column.name()
            ));
        };
        cells.push(cell);
    }
    Ok(cells.join("|"))
}

async fn set_meta(db: &mut sqlx::AnyConnection, key: &str, value: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO fisc_index (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(db)
    .await?;
    Ok(())
}

/// Converts an on-chain u64 to the database's BIGINT.
pub fn big(v: u64) -> Result<i64> {
    i64::try_from(v).map_err(|_| anyhow!("{v} exceeds the index's integer range (2^63 - 1)"))
}

async fn insert_transaction(db: &mut Transaction<'_, Any>, tx: &DecodedTx) -> Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO transactions (signature, seq, slot, block_time, fee, compute_units, signer, err, finalized)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM transactions), $2, $3, $4, $5, $6, $7, 0)
         ON CONFLICT (signature) DO NOTHING",
    )
    .bind(&tx.signature)
    .bind(big(tx.slot)?)
    .bind(tx.block_time)
    .bind(big(tx.fee)?)
    .bind(tx.compute_units.map(big).transpose()?)
    .bind(&tx.signer)
    .bind(tx.err.as_deref())
    .execute(&mut **db)
    .await?
    .rows_affected()
        == 1;
    if !inserted {
        return Ok(false);
    }
    for ix in &tx.instructions {
        sqlx::query(
            "INSERT INTO instructions (signature, ix_index, inner_index, program, name, args, accounts)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&tx.signature)
        .bind(ix.ix_index as i64)
        .bind(ix.inner_index.map_or(-1, |i| i as i64))
        .bind(ix.program)
        .bind(&ix.name)
        .bind(ix.args.to_string())
        .bind(ix.accounts.to_string())
        .execute(&mut **db)
        .await?;
    }
    for (item, undecoded) in tx.undecoded.iter().enumerate() {
        sqlx::query(
            "INSERT INTO undecoded (signature, item, kind, ix_index, inner_index, program, reason, data)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&tx.signature)
        .bind(item as i64)
        .bind(undecoded.kind)
        .bind(undecoded.ix_index as i64)
        .bind(undecoded.inner_index.map_or(-1, |i| i as i64))
        .bind(undecoded.program)
        .bind(&undecoded.reason)
        .bind(hex::encode(&undecoded.data))
        .execute(&mut **db)
        .await?;
    }
    for event in &tx.events {
        sqlx::query(
            "INSERT INTO events (signature, event_index, ix_index, program, name, data) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&tx.signature)
        .bind(event.event_index as i64)
        .bind(event.ix_index as i64)
        .bind(event.program)
        .bind(&event.name)
        .bind(serde_json::Value::Object(event.data.clone()).to_string())
        .execute(&mut **db)
        .await?;
        let at = projection::At {
            signature: &tx.signature,
            slot: tx.slot,
            block_time: tx.block_time,
        };
        projection::apply(db, &at, event)
            .await
            .with_context(|| format!("projecting {} of {}", event.name, tx.signature))?;
    }
    Ok(true)
}
