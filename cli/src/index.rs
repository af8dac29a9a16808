//! `fisc index …`, `fisc audit`, `fisc export …`: the indexer's commands.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use fisc_indexer::audit::audit;
use fisc_indexer::decode::Decoder;
use fisc_indexer::export::{export, Export};
use fisc_indexer::source::{Recorded, Source, SourceConfig};
use fisc_indexer::store::Store;

/// The index database.
#[derive(Args, Clone)]
pub struct Db {
    /// Index database: a file path (SQLite, created when missing) or a postgres:// URL.
    #[arg(long, env = "FISC_DATABASE", default_value = "fisc-index.sqlite")]
    pub database: String,
}

#[derive(Subcommand)]
pub enum IndexCommand {
    /// Index every fisc transaction since the last run, mark finality, and stop.
    Backfill {
        #[command(flatten)]
        db: Db,
        /// Transactions fetched at once.
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
    },
    /// Index continuously: poll for new transactions at `confirmed`, mark them when finalized, remove
    /// those of a fork that did not survive. Rides out RPC outages; stops on Ctrl-C.
    Follow {
        #[command(flatten)]
        db: Db,
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
        /// Pause between polls.
        #[arg(long, default_value_t = 1000)]
        interval_ms: u64,
    },
    /// Row counts, cursors and schema of an index.
    Status {
        #[command(flatten)]
        db: Db,
    },
    /// Every row of an index in canonical order (two indexes of the same history dump the same).
    Dump {
        #[command(flatten)]
        db: Db,
    },
    /// Record every fisc transaction of the cluster as a JSON fixture (the benchmark's input).
    Record {
        #[arg(long)]
        out: PathBuf,
    },
    /// Benchmark: decode + store a recorded fixture into an empty database, repeated.
    Bench {
        #[arg(long)]
        fixture: PathBuf,
        #[command(flatten)]
        db: Db,
        /// Times the fixture is indexed (into an emptied index each time).
        #[arg(long, default_value_t = 20)]
        repeat: usize,
    },
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Runtime::new()?)
}

fn source(url: &str, concurrency: usize) -> Source {
    Source::new(
        url,
        SourceConfig {
            concurrency,
            progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
            ..Default::default()
        },
    )
}

pub fn index(url: &str, command: IndexCommand) -> Result<()> {
    runtime()?.block_on(async {
        match command {
            IndexCommand::Backfill { db, concurrency } => {
                let store = Store::open(&db.database).await?;
                let stats = source(url, concurrency).pass(&store).await.with_context(|| format!("indexing from {url}"))?;
                outln!(
                    "indexed {} new transactions ({} seen since the last run) into {}; {} marked finalized, {} removed (fork), {} undecided (kept; asked again next pass)",
                    stats.written, stats.seen, store.display, stats.finalized, stats.removed, stats.undecided
                );
                Ok(())
            }
            IndexCommand::Follow { db, concurrency, interval_ms } => {
                let store = Store::open(&db.database).await?;
                let source = source(url, concurrency);
                outln!("following {url} into {} (Ctrl-C stops)", store.display);
                // A failing first pass is a setup problem (wrong URL, another cluster's index): stop.
                // Later failures are outages: keep the follower alive, backing off, and say so.
                let mut first = true;
                let mut backoff = Duration::from_secs(1);
                // One Ctrl-C listener for the whole run, awaited during passes and pauses alike: one
                // made afresh per pause would miss a Ctrl-C that came during a pass. Stopping in the
                // middle of a pass loses nothing: each transaction is written whole or not at all.
                let ctrl_c = tokio::signal::ctrl_c();
                tokio::pin!(ctrl_c);
                loop {
                    let mut pause = Duration::from_millis(interval_ms);
                    let pass = tokio::select! {
                        _ = &mut ctrl_c => break,
                        pass = source.pass(&store) => pass,
                    };
                    match pass.with_context(|| format!("indexing from {url}")) {
                        Ok(stats) => {
                            backoff = Duration::from_secs(1);
                            if stats.written + stats.finalized + stats.removed > 0 {
                                outln!(
                                    "{} new, {} finalized, {} removed (fork)",
                                    stats.written, stats.finalized, stats.removed
                                );
                            }
                        }
                        Err(e) if first => return Err(e),
                        Err(e) => {
                            eprintln!("follow: {e:#}; trying again in {} s (nothing is lost)", backoff.as_secs());
                            pause = backoff;
                            backoff = (backoff * 2).min(Duration::from_secs(60));
                        }
                    }
                    first = false;
                    tokio::select! {
                        _ = &mut ctrl_c => break,
                        _ = tokio::time::sleep(pause) => {}
                    }
                }
                outln!("stopped; the next run continues where this one stopped");
                Ok(())
            }
            IndexCommand::Status { db } => {
                let store = Store::open(&db.database).await?;
                outln!("index {} (schema {})", store.display, Store::schema_version());
                if let Some(genesis) = store.meta("genesis_hash").await? {
                    outln!("  cluster genesis  {genesis}");
                }
                for (_, name) in Decoder::new().program_ids() {
                    let cursor = store.meta(&fisc_indexer::store::cursor_key(name)).await?;
                    outln!("  {name:<16} last {}", cursor.as_deref().unwrap_or("-"));
                }
                let (finalized, total) = store.finality().await?;
                outln!("  finalized        {finalized} of {total} transactions");
                let (failed, undecoded) = store.unusual().await?;
                outln!("  failed on chain  {failed} transactions (kept; they changed nothing)");
                outln!("  undecoded        {undecoded} instructions or events (kept in table undecoded, with why)");
                for (table, rows) in store.counts().await? {
                    outln!("  {table:<16} {rows:>8} rows");
                }
                Ok(())
            }
            IndexCommand::Dump { db } => {
                let store = Store::open(&db.database).await?;
                out!("{}", store.dump().await?);
                Ok(())
            }
            IndexCommand::Record { out } => {
                let recorded = source(url, 8).record().await.with_context(|| format!("recording from {url}"))?;
                let file = std::fs::File::create(&out).with_context(|| format!("cannot write {}", out.display()))?;
                serde_json::to_writer(std::io::BufWriter::new(file), &recorded)?;
                outln!("recorded {} transactions into {}", recorded.len(), out.display());
                Ok(())
            }
            IndexCommand::Bench { fixture, db, repeat } => bench(&fixture, &db.database, repeat).await,
        }
    })
}

async fn bench(fixture: &PathBuf, database: &str, repeat: usize) -> Result<()> {
    let file = std::fs::File::open(fixture)
        .with_context(|| format!("cannot read fixture {}", fixture.display()))?;
    let recorded: Vec<Recorded> = serde_json::from_reader(std::io::BufReader::new(file))
        .with_context(|| {
            format!(
                "{} is not a fixture written by `fisc index record`",
                fixture.display()
            )
        })?;
    let store = Store::open(database).await?;
    if store.counts().await?.iter().any(|(_, rows)| *rows > 0) {
        bail!(
            "the benchmark needs an empty database; {} has rows",
            store.display
        );
    }
    let decoder = Decoder::new();
    let (mut decode_time, mut store_time, mut events) = (Duration::ZERO, Duration::ZERO, 0);
    for _ in 0..repeat {
        let started = Instant::now();
        let decoded = recorded
            .iter()
            .map(|tx| decoder.decode(&tx.signature, &tx.transaction))
            .collect::<Result<Vec<_>>>()?;
        decode_time += started.elapsed();
        events += decoded.iter().map(|d| d.events.len()).sum::<usize>();
        let started = Instant::now();
        for d in &decoded {
            store.write(d, &[]).await?;
        }
        store_time += started.elapsed();
        store.clear().await?;
    }
    let n = (recorded.len() * repeat) as f64;
    outln!(
        "{n} transactions ({} in the fixture, indexed {repeat} times into an empty {:?} index), {events} events",
        recorded.len(),
        store.backend
    );
    outln!(
        "  decode only      {:>10.0} tx/s",
        n / decode_time.as_secs_f64()
    );
    outln!(
        "  decode + store   {:>10.0} tx/s",
        n / (decode_time + store_time).as_secs_f64()
    );
    Ok(())
}

pub fn audit_command(url: &str, db: &Db) -> Result<bool> {
    runtime()?.block_on(async {
        let store = Store::open(&db.database).await?;
        let source = source(url, 8);
        let audit = audit(&store, &source)
            .await
            .with_context(|| format!("auditing against {url}"))?;
        // Said first: an index that is behind differs from the chain for that reason alone.
        if audit.behind > 0 {
            outln!(
                "the index is behind the chain by {} fisc transaction{} (`fisc index backfill` takes them in)",
                audit.behind,
                if audit.behind == 1 { "" } else { "s" }
            );
        }
        if !audit.left_out.is_empty() {
            outln!(
                "left out of the comparison, as {} transaction{} the index has not taken in changed them before they were read: {}",
                audit.unindexed,
                if audit.unindexed == 1 { "" } else { "s" },
                audit.left_out.join(", ")
            );
        } else if audit.unindexed > fisc_indexer::audit::MAX_UNINDEXED_LOOKED_AT {
            outln!(
                "{} transactions the index has not taken in landed before the reads: differences below may be only that",
                audit.unindexed
            );
        }
        let (lo, hi) = audit.slots;
        let at = if lo == hi {
            format!("slot {hi}")
        } else {
            format!("slots {lo}-{hi}")
        };
        if audit.differences.is_empty() {
            outln!(
                "the index and the chain agree at {at} (budget accounts, vaults, obligations, properties; index up to slot {})",
                audit.indexed_slot
            );
            return Ok(true);
        }
        for d in &audit.differences {
            outln!("{d}");
        }
        outln!(
            "{} differences (chain read at {at}, index up to slot {})",
            audit.differences.len(),
            audit.indexed_slot
        );
        Ok(false)
    })
}

pub fn export_command(db: &Db, kind: Export, out: Option<PathBuf>) -> Result<()> {
    runtime()?.block_on(async {
        let store = Store::open(&db.database).await?;
        match out {
            Some(path) => {
                let file = std::fs::File::create(&path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                export(&store, kind, std::io::BufWriter::new(file)).await?;
            }
            None => {
                let mut stdout = crate::out::Stdout::default();
                let written = export(&store, kind, &mut stdout).await;
                let flushed = stdout.flush();
                // `fisc export ... | head`: the reader had what it wanted.
                if stdout.closed() {
                    return Ok(());
                }
                written?;
                flushed?;
            }
        }
        Ok(())
    })
}
