//! `fisc bench payments`: how many proposals, approvals and executions per second one client process
//! sustains against a cluster (a benchmark for scripts/bench-payments.sh, not a test).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{anyhow, Result};
use clap::Args;
use fisc_client::ix::disbursement as dix;
use fisc_client::submit::{Client, SubmitConfig};
use fisc_client::text::padded;
use solana_keypair::{read_keypair_file, Keypair};
use solana_signer::Signer;

use crate::budget::ata;
use crate::ctx::Ctx;

#[derive(Args)]
pub struct PaymentsBench {
    #[arg(long)]
    agency: String,
    #[arg(long)]
    tas: String,
    #[arg(long)]
    award: String,
    /// Keypair of a member with the requester role.
    #[arg(long)]
    requester: PathBuf,
    /// Keypair of a member with the approver role.
    #[arg(long)]
    approver: PathBuf,
    /// Keypair of a member with the disbursing officer role.
    #[arg(long)]
    officer: PathBuf,
    /// Payments to make.
    #[arg(long, default_value_t = 20)]
    count: usize,
    /// Concurrent submissions for approvals and executions.
    #[arg(long, default_value_t = 8)]
    threads: usize,
    /// Amount of each payment.
    #[arg(long, default_value = "0.01")]
    amount: String,
}

fn keypair(path: &PathBuf) -> Result<Keypair> {
    read_keypair_file(path).map_err(|e| anyhow!("cannot read keypair {}: {e}", path.display()))
}

/// Runs `work(i)` for `0..count` on `threads` threads, each with its own connection paying with `payer`.
fn parallel(
    url: &str,
    payer: &Keypair,
    count: usize,
    threads: usize,
    work: impl Fn(&Client, usize) -> Result<()> + Sync,
) -> Result<f64> {
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|s| -> Result<()> {
        let handles: Vec<_> = (0..threads.max(1))
            .map(|_| {
                let client = Client::new(url, payer.insecure_clone(), SubmitConfig::default());
                let (next, work) = (&next, &work);
                s.spawn(move || -> Result<()> {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= count {
                            return Ok(());
                        }
                        work(&client, i)?;
                    }
                })
            })
            .collect();
        for h in handles {
            h.join()
                .map_err(|_| anyhow!("a benchmark thread panicked"))??;
        }
        Ok(())
    })?;
    Ok(count as f64 / started.elapsed().as_secs_f64())
}

pub fn payments(ctx: &Ctx, url: &str, b: PaymentsBench) -> Result<()> {
    let (account, _) = ctx.budget_account(&b.agency, &b.tas)?;
    let (requester, approver, officer) = (
        keypair(&b.requester)?,
        keypair(&b.approver)?,
        keypair(&b.officer)?,
    );
    let amount = ctx.amount(&b.amount, &account.mint)?;
    let obligation = account.obligation(&padded(&b.award)?);
    let o: budget::state::Obligation =
        ctx.require(&obligation, || format!("no obligation {}", b.award))?;
    let payee = ata(&o.payee, &account.mint, &account.token_program);
    let agency = account.agency;

    // Proposals: one after another. Each must carry the agency's next sequence, which only the
    // previous proposal's landing advances: the exactly-once design serialises an agency's proposals.
    let requester_client = Client::new(url, requester.insecure_clone(), SubmitConfig::default());
    let started = Instant::now();
    let mut sequences = vec![];
    for i in 0..b.count {
        let policy: disbursement::state::Policy = ctx
            .fetch_latest(&disbursement::pda::policy(&agency))?
            .ok_or_else(|| anyhow!("agency {} has no policy", b.agency))?;
        let args = disbursement::PaymentProposeArgs {
            sequence: policy.next_sequence,
            amount,
            document_hash: [0; 32],
            reference: padded(&format!("BENCH-{i}"))?,
        };
        let ix = dix::payment_propose(
            requester.pubkey(),
            requester.pubkey(),
            &account,
            obligation,
            payee,
            args,
        );
        requester_client.send(&[ix], &[])?;
        sequences.push(policy.next_sequence);
    }
    let propose_rate = b.count as f64 / started.elapsed().as_secs_f64();

    // Approvals: independent requests, sent concurrently.
    let approve_rate = parallel(url, &approver, b.count, b.threads, |client, i| {
        let request = disbursement::pda::request(&agency, sequences[i]);
        client.send(
            &[dix::payment_approve(agency, approver.pubkey(), request)],
            &[],
        )?;
        Ok(())
    })?;

    // Executions: concurrent too, but all write the same policy, budget account, obligation and vault.
    let execute_rate = parallel(url, &officer, b.count, b.threads, |client, i| {
        let target = dix::ExecuteRef {
            request: disbursement::pda::request(&agency, sequences[i]),
            requester: requester.pubkey(),
            obligation,
            payee_token_account: payee,
        };
        client.send(
            &[dix::payment_execute(
                &account,
                officer.pubkey(),
                true,
                &target,
            )],
            &[],
        )?;
        Ok(())
    })?;

    let overall = 3.0 / (1.0 / propose_rate + 1.0 / approve_rate + 1.0 / execute_rate);
    ctx.print_list(
        &["phase", "transactions", "per_second", "concurrency"],
        vec![
            vec![
                "propose".into(),
                b.count.to_string(),
                format!("{propose_rate:.1}"),
                "1 (sequence)".into(),
            ],
            vec![
                "approve".into(),
                b.count.to_string(),
                format!("{approve_rate:.1}"),
                b.threads.to_string(),
            ],
            vec![
                "execute".into(),
                b.count.to_string(),
                format!("{execute_rate:.1}"),
                b.threads.to_string(),
            ],
            vec![
                "all".into(),
                (3 * b.count).to_string(),
                format!("{overall:.1}"),
                "-".into(),
            ],
        ],
    );
    Ok(())
}
