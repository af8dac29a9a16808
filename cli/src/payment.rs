//! `fisc disbursement|policy|payment|batch …`: the disbursement program's instructions and reads, and
//! the CSV payment run.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};
use clap::Subcommand;
use fisc_client::amount::{check_syntax, format_amount, parse_amount};
use fisc_client::ix::budget::BudgetAccountRef;
use fisc_client::ix::disbursement as dix;
use fisc_client::submit::SubmitError;
use fisc_client::text::{padded, unpadded};
use fisc_client::Pubkey;
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};

use crate::budget::{ata, payee_without_account};
use crate::ctx::{document_hash, pubkey, Ctx};

#[derive(Subcommand)]
pub enum DisbursementCommand {
    /// Create the disbursement program's configuration (once, by its upgrade authority).
    Init {
        #[arg(long)]
        admin: String,
    },
}

#[derive(Subcommand)]
pub enum PolicyCommand {
    /// Set an agency's approval policy (by the agency admin).
    Set {
        #[arg(long)]
        agency: String,
        /// A tier MAX_AMOUNT:APPROVALS:TIME_LOCK_HOURS, in increasing amounts; `max` for no ceiling.
        /// Repeat for up to 3 tiers, e.g. --tier 10000:1:0 --tier 1000000:2:0 --tier max:3:48.
        #[arg(long = "tier", required = true)]
        tiers: Vec<String>,
        /// Spending period: day, week or month (30 days).
        #[arg(long, default_value = "week")]
        period: String,
        /// Spending limit per period.
        #[arg(long)]
        limit: String,
        /// Anyone may execute an approved, unlocked request (default: disbursing officers only).
        #[arg(long)]
        anyone_may_execute: bool,
        /// Days a payment request may wait for execution before it expires (1-366, longer than
        /// every tier's time lock).
        #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(u32).range(1..=366))]
        max_request_age_days: u32,
    },
    /// Show an agency's policy (amounts in currency units, whatever the decimals of the mints paid in).
    Show {
        #[arg(long)]
        agency: String,
    },
}

#[derive(Subcommand)]
pub enum PaymentCommand {
    /// Propose a payment against an obligation, at the agency's next sequence.
    Propose {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        #[arg(long)]
        award: String,
        /// Amount in tokens, e.g. 1250.50.
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// Short reference, e.g. an invoice number (at most 16 bytes).
        #[arg(long)]
        reference: String,
        /// The invoice: 64 hex digits of its SHA-256, or the file itself.
        #[arg(long)]
        document: Option<String>,
        /// Refuse, instead of warning, when an open request of the agency already has this reference.
        #[arg(long)]
        strict: bool,
        /// Propose at this sequence instead of the agency's next: a retry of a proposal that may have
        /// landed, with the sequence the first attempt printed, cannot create a second request.
        #[arg(long)]
        sequence: Option<u64>,
    },
    /// Approve a payment request.
    Approve {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        sequence: u64,
    },
    /// Reject a payment request (by an approver); it is closed.
    Reject {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        sequence: u64,
    },
    /// Cancel a payment request (by its requester or the agency admin); it is closed.
    Cancel {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        sequence: u64,
    },
    /// Execute an approved payment request.
    Execute {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        sequence: u64,
    },
    /// Show an open payment request.
    Show {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        sequence: u64,
    },
    /// List an agency's open payment requests (finished ones are closed: `fisc index` keeps history).
    List {
        #[arg(long)]
        agency: String,
    },
    /// Propose every payment of a CSV file (columns agency, tas, award, amount, reference, and
    /// optionally document). Every row is checked before anything is sent; a re-run skips what landed.
    Run {
        file: PathBuf,
        /// Where landed rows are recorded (default: FILE.journal).
        #[arg(long)]
        journal: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum BatchCommand {
    /// Propose one request paying up to 10 payees of a budget account.
    Propose {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        /// AWARD=AMOUNT, repeated for each payee.
        #[arg(long = "payee", required = true)]
        payees: Vec<String>,
        #[arg(long)]
        reference: String,
        #[arg(long)]
        document: Option<String>,
        /// Propose at this sequence instead of the agency's next: a retry of a proposal that may have
        /// landed, with the sequence the first attempt printed, cannot create a second request.
        #[arg(long)]
        sequence: Option<u64>,
    },
    /// Approve a batch.
    Approve {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        sequence: u64,
    },
    /// Execute a batch: every unpaid payee, in as few transactions as fit.
    Execute {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        sequence: u64,
    },
    /// Cancel a batch (requester or admin), or reject it with --reject (an approver).
    Cancel {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        sequence: u64,
        #[arg(long)]
        reject: bool,
    },
    /// Show an open batch.
    Show {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        sequence: u64,
    },
}

fn period_seconds(period: &str) -> Result<u32> {
    Ok(match period {
        "day" => 86_400,
        "week" => 7 * 86_400,
        "month" => 30 * 86_400,
        other => bail!("--period {other:?}: use day, week or month"),
    })
}

fn tier(text: &str, decimals: u8) -> Result<disbursement::state::Tier> {
    let parts: Vec<&str> = text.split(':').collect();
    let [max, approvals, hours] = parts[..] else {
        bail!("--tier {text:?}: expected MAX_AMOUNT:APPROVALS:TIME_LOCK_HOURS");
    };
    let max_amount = if max == "max" {
        u64::MAX
    } else {
        parse_amount(max, decimals)?
    };
    let approvals = approvals
        .parse()
        .map_err(|_| anyhow!("--tier {text:?}: approvals must be 1 to 3"))?;
    let hours: u32 = hours
        .parse()
        .map_err(|_| anyhow!("--tier {text:?}: time lock must be whole hours"))?;
    let time_lock_seconds = hours
        .checked_mul(3_600)
        .ok_or_else(|| anyhow!("--tier {text:?}: time lock too long"))?;
    Ok(disbursement::state::Tier {
        max_amount,
        approvals,
        time_lock_seconds,
    })
}

fn is_officer(ctx: &Ctx, agency: &Pubkey) -> Result<bool> {
    let member: Option<budget::state::Member> =
        ctx.fetch(&budget::pda::member(agency, &ctx.actor))?;
    Ok(member.is_some_and(|m| m.roles & budget::state::Role::DISBURSING_OFFICER != 0))
}

fn budget_ref_of(ctx: &Ctx, address: &Pubkey) -> Result<BudgetAccountRef> {
    fisc_client::accounts::budget_account(&ctx.client, address)?
        .map(|(reference, _)| reference)
        .ok_or_else(|| anyhow!("budget account {address} is gone"))
}

fn open_request(
    ctx: &Ctx,
    agency: &str,
    sequence: u64,
) -> Result<(Pubkey, Pubkey, disbursement::state::PaymentRequest)> {
    let agency_key = ctx.agency(agency)?;
    let address = disbursement::pda::request(&agency_key, sequence);
    let request = ctx.require(&address, || {
        format!("no open payment request {sequence} in agency {agency} (executed, rejected or cancelled requests are closed)")
    })?;
    Ok((agency_key, address, request))
}

fn open_batch(
    ctx: &Ctx,
    agency: &str,
    sequence: u64,
) -> Result<(Pubkey, Pubkey, disbursement::state::BatchRequest)> {
    let agency_key = ctx.agency(agency)?;
    let address = disbursement::pda::batch(&agency_key, sequence);
    let batch = ctx.require(&address, || {
        format!("no open batch {sequence} in agency {agency}")
    })?;
    Ok((agency_key, address, batch))
}

pub fn disbursement(ctx: &Ctx, command: DisbursementCommand) -> Result<()> {
    match command {
        DisbursementCommand::Init { admin } => ctx.submit(
            "disbursement configuration created",
            vec![dix::config_init(
                ctx.payer(),
                ctx.actor,
                pubkey("--admin", &admin)?,
            )],
        ),
    }
}

pub fn policy(ctx: &Ctx, command: PolicyCommand) -> Result<()> {
    match command {
        PolicyCommand::Set {
            agency,
            tiers,
            period,
            limit,
            anyone_may_execute,
            max_request_age_days,
        } => {
            let decimals = ctx.policy_decimals()?;
            let args = disbursement::PolicySetArgs {
                tiers: tiers
                    .iter()
                    .map(|t| tier(t, decimals))
                    .collect::<Result<_>>()?,
                anyone_may_execute,
                period_seconds: period_seconds(&period)?,
                period_limit: parse_amount(&limit, decimals)?,
                max_request_age_seconds: max_request_age_days * 86_400,
            };
            ctx.submit(
                &format!("policy of agency {agency} set"),
                vec![dix::policy_set(
                    ctx.payer(),
                    ctx.agency(&agency)?,
                    ctx.actor,
                    args,
                )],
            )
        }
        PolicyCommand::Show { agency } => {
            let decimals = ctx.policy_decimals()?;
            let address = disbursement::pda::policy(&ctx.agency(&agency)?);
            let p: disbursement::state::Policy = ctx.require(&address, || {
                format!("agency {agency} has no approval policy")
            })?;
            let tiers: Vec<String> = p
                .tiers()
                .iter()
                .map(|t| {
                    let max = if t.max_amount == u64::MAX {
                        "max".into()
                    } else {
                        format_amount(t.max_amount, decimals)
                    };
                    format!(
                        "up to {max}: {} approvals, {} h lock",
                        t.approvals,
                        t.time_lock_seconds / 3_600
                    )
                })
                .collect();
            ctx.print_one(vec![
                ("agency", agency),
                ("tiers", tiers.join("; ")),
                ("period_days", (p.period_seconds / 86_400).to_string()),
                ("period_limit", format_amount(p.period_limit, decimals)),
                ("period_spent", format_amount(p.period_spent, decimals)),
                (
                    "anyone_may_execute",
                    (p.anyone_may_execute != 0).to_string(),
                ),
                (
                    "max_request_age_days",
                    (p.max_request_age_seconds / 86_400).to_string(),
                ),
                ("next_sequence", p.next_sequence.to_string()),
                ("address", address.to_string()),
            ]);
            Ok(())
        }
    }
}

/// A reference is how the back office matches a payment to its invoice: a second open request with the
/// same one is most likely the same invoice paid twice. Warns on stderr, or refuses with `strict`.
fn check_reference_unused(
    ctx: &Ctx,
    agency_key: &Pubkey,
    agency: &str,
    reference: &str,
    strict: bool,
) -> Result<()> {
    let taken: Vec<String> = fisc_client::accounts::open_requests(&ctx.client, agency_key)?
        .iter()
        .filter(|(_, r)| unpadded(&r.reference) == reference)
        .map(|(_, r)| r.sequence.to_string())
        .collect();
    if taken.is_empty() {
        return Ok(());
    }
    let used = format!(
        "reference {reference:?} is already used by open payment request {} of agency {agency}",
        taken.join(", ")
    );
    if strict {
        bail!("{used}; nothing was sent (drop --strict to propose anyway)");
    }
    eprintln!("warning: {used} (--strict refuses)");
    Ok(())
}

/// Builds a proposal of `amount` on `award` at `sequence`, by default the policy's next.
#[allow(clippy::too_many_arguments)]
fn proposal(
    ctx: &Ctx,
    agency: &str,
    account: &BudgetAccountRef,
    award: &str,
    amount: u64,
    reference: &str,
    document: [u8; 32],
    sequence: Option<u64>,
) -> Result<(u64, fisc_client::Instruction)> {
    let award_id = padded(award).with_context(|| format!("award {award:?}"))?;
    let obligation = account.obligation(&award_id);
    let o: budget::state::Obligation = ctx.require(&obligation, || {
        format!("no obligation {award} in {}", unpadded(&account.tas))
    })?;
    let policy: disbursement::state::Policy = ctx
        .fetch_latest(&disbursement::pda::policy(&account.agency))?
        .ok_or_else(|| anyhow!("the agency has no approval policy"))?;
    let sequence = sequence.unwrap_or(policy.next_sequence);
    let args = disbursement::PaymentProposeArgs {
        sequence,
        amount,
        document_hash: document,
        reference: padded(reference).with_context(|| format!("reference {reference:?}"))?,
    };
    if let Some(why) = payee_without_account(ctx, &o.payee, account, agency)? {
        bail!("award {award}: {why}; nothing was sent");
    }
    let payee = ata(&o.payee, &account.mint, &account.token_program);
    Ok((
        sequence,
        dix::payment_propose(ctx.payer(), ctx.actor, account, obligation, payee, args),
    ))
}

pub fn payment(ctx: &Ctx, command: PaymentCommand) -> Result<()> {
    match command {
        PaymentCommand::Propose {
            agency,
            tas,
            award,
            amount,
            reference,
            document,
            strict,
            sequence,
        } => {
            check_syntax(&amount)?;
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let amount = ctx.amount(&amount, &account.mint)?;
            check_reference_unused(ctx, &account.agency, &agency, &reference, strict)?;
            let (sequence, ix) = proposal(
                ctx,
                &agency,
                &account,
                &award,
                amount,
                &reference,
                document_hash(document.as_deref())?,
                sequence,
            )?;
            eprintln!("note: proposed at sequence {sequence} (retry with --sequence {sequence})");
            ctx.submit(
                &format!("proposed payment {sequence} of agency {agency}"),
                vec![ix],
            )
        }
        PaymentCommand::Approve { agency, sequence } => {
            let agency_key = ctx.agency(&agency)?;
            let request = disbursement::pda::request(&agency_key, sequence);
            ctx.submit(
                &format!("approved payment {sequence} of agency {agency}"),
                vec![dix::payment_approve(agency_key, ctx.actor, request)],
            )
        }
        PaymentCommand::Reject { agency, sequence } => {
            let (agency_key, address, r) = open_request(ctx, &agency, sequence)?;
            ctx.submit(
                &format!("rejected payment {sequence} of agency {agency}"),
                vec![dix::payment_reject(
                    agency_key,
                    ctx.actor,
                    address,
                    r.requester,
                )],
            )
        }
        PaymentCommand::Cancel { agency, sequence } => {
            let (agency_key, address, r) = open_request(ctx, &agency, sequence)?;
            ctx.submit(
                &format!("cancelled payment {sequence} of agency {agency}"),
                vec![dix::payment_cancel(
                    agency_key,
                    ctx.actor,
                    address,
                    r.requester,
                )],
            )
        }
        PaymentCommand::Execute { agency, sequence } => {
            let (agency_key, address, r) = open_request(ctx, &agency, sequence)?;
            let account = budget_ref_of(ctx, &r.budget_account)?;
            let target = dix::ExecuteRef {
                request: address,
                requester: r.requester,
                obligation: r.obligation,
                payee_token_account: r.payee_token_account,
            };
            let officer = is_officer(ctx, &agency_key)?;
            ctx.submit(
                &format!("executed payment {sequence} of agency {agency}"),
                vec![dix::payment_execute(&account, ctx.actor, officer, &target)],
            )
        }
        PaymentCommand::Show { agency, sequence } => {
            let (_, address, r) = open_request(ctx, &agency, sequence)?;
            let account = budget_ref_of(ctx, &r.budget_account)?;
            let mut fields = request_row(&r, ctx.decimals(&account.mint)?);
            fields.push(("address", address.to_string()));
            fields.push(("explorer", ctx.client.explorer.address(&address)));
            ctx.print_one(fields);
            Ok(())
        }
        PaymentCommand::List { agency } => {
            let agency_key = ctx.agency(&agency)?;
            let requests = fisc_client::accounts::open_requests(&ctx.client, &agency_key)?;
            let mut decimals = HashMap::new();
            let mut rows = vec![];
            for (_, r) in &requests {
                let d = match decimals.get(&r.budget_account) {
                    Some(d) => *d,
                    None => {
                        let d = ctx.decimals(&budget_ref_of(ctx, &r.budget_account)?.mint)?;
                        decimals.insert(r.budget_account, d);
                        d
                    }
                };
                rows.push(request_row(r, d).into_iter().map(|(_, v)| v).collect());
            }
            ctx.print_list(
                &[
                    "sequence",
                    "amount",
                    "reference",
                    "approvals",
                    "time_lock_h",
                    "requester",
                    "payee_token_account",
                ],
                rows,
            );
            Ok(())
        }
        PaymentCommand::Run { file, journal } => run(ctx, &file, journal),
    }
}

fn request_row(r: &disbursement::state::PaymentRequest, d: u8) -> Vec<(&'static str, String)> {
    vec![
        ("sequence", r.sequence.to_string()),
        ("amount", format_amount(r.amount, d)),
        ("reference", unpadded(&r.reference)),
        (
            "approvals",
            format!("{}/{}", r.approval_count, r.required_approvals),
        ),
        ("time_lock_h", (r.time_lock_seconds / 3_600).to_string()),
        ("requester", r.requester.to_string()),
        ("payee_token_account", r.payee_token_account.to_string()),
    ]
}

pub fn batch(ctx: &Ctx, command: BatchCommand) -> Result<()> {
    match command {
        BatchCommand::Propose {
            agency,
            tas,
            payees,
            reference,
            document,
            sequence,
        } => {
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let mut items = vec![];
            for p in &payees {
                let (award, amount) = p
                    .split_once('=')
                    .ok_or_else(|| anyhow!("--payee {p:?}: expected AWARD=AMOUNT"))?;
                let obligation =
                    account.obligation(&padded(award).with_context(|| format!("award {award:?}"))?);
                let o: budget::state::Obligation =
                    ctx.require(&obligation, || format!("no obligation {award} in {tas}"))?;
                if let Some(why) = payee_without_account(ctx, &o.payee, &account, &agency)? {
                    bail!("--payee {p}: {why}; nothing was sent");
                }
                items.push(dix::BatchPayee {
                    obligation,
                    payee_token_account: ata(&o.payee, &account.mint, &account.token_program),
                    amount: ctx.amount(amount, &account.mint)?,
                });
            }
            let policy: disbursement::state::Policy = ctx
                .fetch_latest(&disbursement::pda::policy(&account.agency))?
                .ok_or_else(|| anyhow!("agency {agency} has no approval policy"))?;
            let sequence = sequence.unwrap_or(policy.next_sequence);
            eprintln!("note: proposed at sequence {sequence} (retry with --sequence {sequence})");
            let ix = dix::payment_batch_propose(
                ctx.payer(),
                ctx.actor,
                &account,
                sequence,
                &items,
                document_hash(document.as_deref())?,
                padded(&reference)?,
            );
            ctx.submit(
                &format!(
                    "proposed batch {sequence} of agency {agency} ({} payees)",
                    items.len()
                ),
                vec![ix],
            )
        }
        BatchCommand::Approve { agency, sequence } => {
            let agency_key = ctx.agency(&agency)?;
            ctx.submit(
                &format!("approved batch {sequence} of agency {agency}"),
                vec![dix::payment_batch_approve(
                    agency_key,
                    ctx.actor,
                    disbursement::pda::batch(&agency_key, sequence),
                )],
            )
        }
        BatchCommand::Execute { agency, sequence } => {
            let (agency_key, address, b) = open_batch(ctx, &agency, sequence)?;
            let account = budget_ref_of(ctx, &b.budget_account)?;
            let officer = is_officer(ctx, &agency_key)?;
            let items = &b.items[..usize::from(b.item_count)];
            let first_unpaid = items.iter().position(|i| !i.paid).unwrap_or(items.len());
            for start in
                (first_unpaid..items.len()).step_by(disbursement::constants::MAX_ITEMS_PER_EXECUTE)
            {
                let end = (start + disbursement::constants::MAX_ITEMS_PER_EXECUTE).min(items.len());
                let payees: Vec<dix::BatchPayee> = items[start..end]
                    .iter()
                    .map(|i| dix::BatchPayee {
                        obligation: i.obligation,
                        payee_token_account: i.payee_token_account,
                        amount: i.amount,
                    })
                    .collect();
                ctx.submit(
                    &format!(
                        "batch {sequence} of agency {agency}: payees {}-{} paid",
                        start + 1,
                        end
                    ),
                    vec![dix::payment_batch_execute(
                        &account,
                        ctx.actor,
                        officer,
                        address,
                        b.requester,
                        start as u8,
                        &payees,
                    )],
                )?;
            }
            Ok(())
        }
        BatchCommand::Cancel {
            agency,
            sequence,
            reject,
        } => {
            let (agency_key, address, b) = open_batch(ctx, &agency, sequence)?;
            let what = if reject { "rejected" } else { "cancelled" };
            ctx.submit(
                &format!("{what} batch {sequence} of agency {agency}"),
                vec![dix::payment_batch_cancel(
                    agency_key,
                    ctx.actor,
                    reject,
                    address,
                    b.requester,
                )],
            )
        }
        BatchCommand::Show { agency, sequence } => {
            let (_, address, b) = open_batch(ctx, &agency, sequence)?;
            let d = ctx.decimals(&budget_ref_of(ctx, &b.budget_account)?.mint)?;
            let rows = b.items[..usize::from(b.item_count)]
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    vec![
                        (i + 1).to_string(),
                        format_amount(item.amount, d),
                        item.paid.to_string(),
                        item.obligation.to_string(),
                    ]
                })
                .collect();
            if ctx.output == crate::ctx::Output::Table {
                outln!(
                    "batch {sequence} ({address}): {} total, {}/{} approvals, {} of {} paid",
                    format_amount(b.total, d),
                    b.approvals.count,
                    b.required_approvals,
                    b.paid_count,
                    b.item_count
                );
            }
            ctx.print_list(&["payee", "amount", "paid", "obligation"], rows);
            Ok(())
        }
    }
}

/// One row of a payment run, checked.
struct Row {
    line: usize,
    agency: String,
    account: BudgetAccountRef,
    award: String,
    amount: u64,
    reference: String,
    document: [u8; 32],
}

impl Row {
    fn key(&self) -> String {
        format!("{}|{}", self.agency, self.reference)
    }
}

/// A journal line: a row about to be sent at `sequence`, landed with `signature`, or refused by the
/// chain (nothing happened; a re-run proposes it again).
#[derive(Serialize, Deserialize)]
struct Entry {
    key: String,
    sequence: u64,
    signature: Option<String>,
    #[serde(default)]
    refused: bool,
    /// Every copy signed for the row, each stored before it was broadcast (absent in journals of
    /// earlier fisc versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sent: Option<Vec<String>>,
}

/// Reads and checks every row; all problems at once, naming row and column.
fn read_rows(ctx: &Ctx, file: &PathBuf) -> Result<Vec<Row>> {
    let mut reader =
        csv::Reader::from_path(file).with_context(|| format!("cannot read {}", file.display()))?;
    let headers = reader.headers()?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let required = ["agency", "tas", "award", "amount", "reference"];
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| column(c).is_none())
        .collect();
    if !missing.is_empty() {
        bail!(
            "{}: missing column(s) {} (needed: {}, optional: document)",
            file.display(),
            missing.join(", "),
            required.join(", ")
        );
    }
    let at = |name: &str| column(name).expect("checked");
    let mut accounts: HashMap<(String, String), Result<BudgetAccountRef, String>> = HashMap::new();
    let mut rows = vec![];
    let mut errors = vec![];
    let mut seen = HashSet::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(format!("row {line}: {e}"));
                continue;
            }
        };
        let get = |name: &str| record.get(at(name)).unwrap_or("").trim().to_string();
        let mut problem =
            |col: &str, msg: String| errors.push(format!("row {line}, column {col}: {msg}"));
        let (agency, tas, award, amount, reference) = (
            get("agency"),
            get("tas"),
            get("award"),
            get("amount"),
            get("reference"),
        );
        let account = accounts
            .entry((agency.clone(), tas.clone()))
            .or_insert_with(|| {
                ctx.budget_account(&agency, &tas)
                    .map(|(a, _)| a)
                    .map_err(|e| format!("{e:#}"))
            })
            .clone();
        let account = match account {
            Ok(a) => a,
            Err(e) => {
                problem(if e.contains("TAS") { "tas" } else { "agency" }, e);
                continue;
            }
        };
        if padded::<{ budget::constants::AWARD_ID_LEN }>(&award).is_err() {
            problem("award", format!("{award:?} must be 1 to 32 bytes"));
            continue;
        }
        let obligation = account.obligation(&padded(&award)?);
        let o: Option<budget::state::Obligation> = ctx.fetch(&obligation)?;
        let amount = match ctx.amount(&amount, &account.mint) {
            Ok(0) => {
                problem("amount", "must be more than 0".into());
                None
            }
            Ok(a) => Some(a),
            Err(e) => {
                problem("amount", format!("{e:#}"));
                None
            }
        };
        if let Some(o) = &o {
            if let Some(why) = payee_without_account(ctx, &o.payee, &account, &agency)? {
                problem("award", why);
            }
        }
        match (&o, amount) {
            (None, _) => problem("award", format!("no obligation {award} in {tas}")),
            (Some(o), Some(a)) if a > o.obligated.saturating_sub(o.disbursed) => problem(
                "amount",
                format!(
                    "exceeds what obligation {award} has left ({})",
                    format_amount(o.obligated - o.disbursed, ctx.decimals(&account.mint)?)
                ),
            ),
            _ => {}
        }
        if padded::<{ disbursement::constants::REFERENCE_LEN }>(&reference).is_err() {
            problem("reference", format!("{reference:?} must be 1 to 16 bytes"));
        } else if !seen.insert(format!("{agency}|{reference}")) {
            problem(
                "reference",
                format!("{reference:?} appears twice for agency {agency}"),
            );
        }
        let document =
            match column("document").map(|c| record.get(c).unwrap_or("").trim().to_string()) {
                Some(d) if !d.is_empty() => match document_hash(Some(&d)) {
                    Ok(h) => h,
                    Err(e) => {
                        problem("document", format!("{e:#}"));
                        [0; 32]
                    }
                },
                _ => [0; 32],
            };
        if let (Some(amount), Some(_)) = (amount, o) {
            rows.push(Row {
                line,
                agency,
                account,
                award,
                amount,
                reference,
                document,
            });
        }
    }
    if !errors.is_empty() {
        bail!(
            "{} has {} problem(s); nothing was sent:\n  {}",
            file.display(),
            errors.len(),
            errors.join("\n  ")
        );
    }
    if rows.is_empty() {
        bail!("{} has no rows", file.display());
    }
    Ok(rows)
}

fn run(ctx: &Ctx, file: &PathBuf, journal: Option<PathBuf>) -> Result<()> {
    if ctx.sign_later.is_some() {
        bail!("a payment run sends its rows itself; --sign-later is for single transactions");
    }
    let rows = read_rows(ctx, file)?;
    let journal = journal.unwrap_or_else(|| PathBuf::from(format!("{}.journal", file.display())));
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    if let Ok(text) = std::fs::read_to_string(&journal) {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let e: Entry = serde_json::from_str(line)
                .with_context(|| format!("{} is not a fisc journal", journal.display()))?;
            entries.insert(e.key.clone(), e);
        }
    }
    let mut out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&journal)
        .with_context(|| format!("cannot write {}", journal.display()))?;
    let mut record = |e: &Entry| -> Result<()> {
        writeln!(out, "{}", serde_json::to_string(e)?)?;
        out.sync_data()?;
        Ok(())
    };
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::new(rows.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos}/{len} payments {wide_bar} {msg}")
            .expect("valid template"),
    );
    let mut summary = vec![];
    for row in &rows {
        bar.set_message(row.reference.clone());
        let landed = match entries.get(&row.key()) {
            Some(Entry {
                signature: Some(sig),
                sequence,
                ..
            }) => Some((*sequence, sig.clone())),
            Some(Entry { refused: true, .. }) => None,
            // Sent by an earlier run that stopped before recording the outcome: did it land?
            Some(Entry {
                signature: None,
                sequence,
                sent,
                ..
            }) => landed_earlier(ctx, row, *sequence, sent.as_deref())?
                .map(|signature| (*sequence, signature)),
            None => None,
        };
        if let Some((sequence, signature)) = landed {
            summary.push(vec![
                row.line.to_string(),
                row.reference.clone(),
                sequence.to_string(),
                "already landed".into(),
                signature,
            ]);
            bar.inc(1);
            continue;
        }
        let (sequence, ix) = proposal(
            ctx,
            &row.agency,
            &row.account,
            &row.award,
            row.amount,
            &row.reference,
            row.document,
            None,
        )?;
        record(&Entry {
            key: row.key(),
            sequence,
            signature: None,
            refused: false,
            sent: Some(vec![]),
        })?;
        let mut sent = vec![];
        let result = ctx.client.send_with(&[ix], &[], &mut |signature| {
            sent.push(signature.to_string());
            record(&Entry {
                key: row.key(),
                sequence,
                signature: None,
                refused: false,
                sent: Some(sent.clone()),
            })
            .map_err(|e| format!("cannot journal {signature}: {e:#}"))
        });
        let landed = match result {
            Ok(landed) => landed,
            Err(e) => {
                // Only a refusal is certain to have changed nothing; an unknown outcome stays
                // journaled as sent, for the next run to look up.
                if matches!(e, SubmitError::Program(_)) {
                    record(&Entry {
                        key: row.key(),
                        sequence,
                        signature: None,
                        refused: true,
                        sent: None,
                    })?;
                }
                return Err(e).with_context(|| {
                    format!(
                        "row {} ({}): not proposed; rows before it landed, re-run to continue",
                        row.line, row.reference
                    )
                });
            }
        };
        record(&Entry {
            key: row.key(),
            sequence,
            signature: Some(landed.signature.to_string()),
            refused: false,
            sent: None,
        })?;
        summary.push(vec![
            row.line.to_string(),
            row.reference.clone(),
            sequence.to_string(),
            "proposed".into(),
            landed.signature.to_string(),
        ]);
        bar.inc(1);
    }
    bar.finish_and_clear();
    ctx.print_list(
        &["row", "reference", "sequence", "status", "signature"],
        summary,
    );
    Ok(())
}

/// Whether the proposal an earlier run made for `row` at `sequence` landed, and as which transaction.
/// Only the chain decides: a copy of the journal's own (`sent`) with a successful status, or an open
/// request at the sequence that is the row's (requester, obligation, amount, reference, document).
/// While the sequence is unused no copy has landed, and a new proposal takes that same sequence, so
/// at most one of them can. A closed request at a used sequence that cannot be tied to the journal's
/// copies is refused, not guessed at.
fn landed_earlier(
    ctx: &Ctx,
    row: &Row,
    sequence: u64,
    sent: Option<&[String]>,
) -> Result<Option<String>> {
    let agency = &row.account.agency;
    let policy: disbursement::state::Policy = ctx
        .require(&disbursement::pda::policy(agency), || {
            "the agency has no approval policy".into()
        })?;
    if policy.next_sequence <= sequence {
        return Ok(None);
    }
    let mut unseen = vec![];
    if let Some(sent) = sent {
        if sent.is_empty() {
            return Ok(None); // nothing was broadcast
        }
        let signatures = sent
            .iter()
            .map(|s| s.parse())
            .collect::<Result<Vec<fisc_client::Signature>, _>>()
            .map_err(|e| anyhow!("the journal holds a bad signature: {e}"))?;
        let statuses = ctx
            .client
            .with_retries(|rpc| rpc.get_signature_statuses_with_history(&signatures))?
            .value;
        for (signature, status) in signatures.iter().zip(&statuses) {
            match status {
                Some(s) if s.err.is_none() => return Ok(Some(signature.to_string())),
                Some(_) => {} // failed on chain: changed nothing
                None => unseen.push(signature.to_string()),
            }
        }
    }
    let request: Option<disbursement::state::PaymentRequest> =
        ctx.fetch(&disbursement::pda::request(agency, sequence))?;
    match request {
        Some(r) => Ok((r.requester == ctx.actor
            && r.obligation == row.account.obligation(&padded(&row.award)?)
            && r.amount == row.amount
            && unpadded(&r.reference) == row.reference
            && r.document_hash == row.document)
            .then(|| "(earlier run)".to_string())),
        None if sent.is_some() && unseen.is_empty() => Ok(None),
        None => bail!(
            "row {} ({}): an earlier run proposed it at sequence {sequence}, which is now used by a closed \
             request, and the chain cannot tell whether that was this row{}; check on an explorer, then \
             remove the row's lines from the journal to propose it again",
            row.line,
            row.reference,
            if unseen.is_empty() {
                String::new()
            } else {
                format!(" (its copies {} are not found)", unseen.join(", "))
            }
        ),
    }
}
