//! `fisc`: the command line of fisc-client. Honours the Solana CLI config (RPC URL, keypair) with
//! `--url` (a URL or localnet/devnet/testnet/mainnet-beta) and `--keypair` overrides.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// `println!` for the CLI's output, safe against a closed pipe (`out`).
macro_rules! outln {
    ($($arg:tt)*) => { $crate::out::write(format_args!("{}\n", format_args!($($arg)*))) };
}
/// `print!` for the CLI's output, safe against a closed pipe (`out`).
macro_rules! out {
    ($($arg:tt)*) => { $crate::out::write(format_args!($($arg)*)) };
}

mod bench;
mod bootstrap;
mod budget;
mod ctx;
mod index;
mod keys;
mod out;
mod payment;
mod title;
mod tx;

use anyhow::{anyhow, bail, Context, Result};
use bootstrap::{Bootstrap, Plan, Step};
use clap::{Parser, Subcommand};
use fisc_client::amount::parse_amount;
use fisc_client::ix::{disbursement as dix, titles as tix};
use fisc_client::submit::{Client, SubmitConfig};
use fisc_client::text::padded;
use keys::Keys;
use solana_cli_config::{Config as CliConfig, ConfigInput};
use solana_keypair::{read_keypair_file, Keypair};
use solana_signer::Signer;

#[derive(Parser)]
#[command(
    name = "fisc",
    version,
    about = "Budgets, payments and property titles on Solana"
)]
struct Cli {
    /// RPC URL or moniker (localnet, devnet, testnet, mainnet-beta); default from the Solana CLI config.
    #[arg(long, short = 'u', global = true)]
    url: Option<String>,
    /// Fee payer keypair file; default from the Solana CLI config.
    #[arg(long, short = 'k', global = true)]
    keypair: Option<PathBuf>,
    /// Output: a table for people, or JSON.
    #[arg(long, short = 'o', global = true, value_enum, default_value = "table")]
    output: ctx::Output,
    /// The officer the instruction names as signer, when not the fee payer (build with --sign-later).
    #[arg(long = "as", global = true)]
    actor: Option<String>,
    /// Write the transaction to FILE for other signers (`fisc tx sign`) instead of sending it.
    #[arg(long, global = true, requires = "nonce")]
    sign_later: Option<PathBuf>,
    /// Durable nonce account for --sign-later (`fisc nonce create`), so the transaction does not expire.
    #[arg(long, global = true)]
    nonce: Option<String>,
    /// Priority fee in micro-lamports per compute unit.
    #[arg(long, global = true, default_value_t = 0)]
    priority_fee: u64,
    #[command(subcommand)]
    command: Commands,
}

#[derive(Subcommand)]
enum Commands {
    /// Start a local chain with fisc deployed, bootstrap it from a plan, run a short scenario, and stay
    /// up until Ctrl-C.
    Localnet {
        /// Ledger directory (kept; the indexer can read it).
        #[arg(long, default_value = "test-ledger")]
        ledger: PathBuf,
        /// Bootstrap plan.
        #[arg(long, default_value = "migrations/localnet.toml")]
        config: PathBuf,
        /// RPC port on 127.0.0.1.
        #[arg(long, default_value_t = 8899)]
        rpc_port: u16,
        /// Directory with the built programs.
        #[arg(long, env = "FISC_DEPLOY_DIR", default_value = "target/deploy")]
        deploy_dir: PathBuf,
        /// The validator binary (built by scripts/localnet.sh).
        #[arg(long, env = "FISC_VALIDATOR")]
        validator: Option<PathBuf>,
        /// Stop after the scenario instead of waiting for Ctrl-C.
        #[arg(long)]
        exit: bool,
    },
    /// Apply a bootstrap plan to the cluster (idempotent).
    Bootstrap {
        #[arg(long, default_value = "migrations/localnet.toml")]
        config: PathBuf,
        /// Directory of the plan's named keys.
        #[arg(long)]
        keys: PathBuf,
    },
    /// The treasury: authority, mints, pause.
    #[command(subcommand)]
    Treasury(budget::TreasuryCommand),
    /// Agencies.
    #[command(subcommand)]
    Agency(budget::AgencyCommand),
    /// Members of an agency and their roles.
    #[command(subcommand)]
    Member(budget::MemberCommand),
    /// Budget accounts (appropriations) and their vaults.
    #[command(subcommand)]
    Budget(budget::BudgetCommand),
    /// Obligations (awards) of a budget account.
    #[command(subcommand)]
    Obligation(budget::ObligationCommand),
    /// Payees' token accounts, the accounts fisc pays into.
    #[command(subcommand)]
    Payee(budget::PayeeCommand),
    /// The disbursement program's configuration.
    #[command(subcommand)]
    Disbursement(payment::DisbursementCommand),
    /// Approval policies.
    #[command(subcommand)]
    Policy(payment::PolicyCommand),
    /// Payment requests, and CSV payment runs.
    #[command(subcommand)]
    Payment(payment::PaymentCommand),
    /// Batch payments (up to 10 payees under one approval set).
    #[command(subcommand)]
    Batch(payment::BatchCommand),
    /// Property registries.
    #[command(subcommand)]
    Registry(title::RegistryCommand),
    /// Properties.
    #[command(subcommand)]
    Property(title::PropertyCommand),
    /// Title transfers between agencies.
    #[command(subcommand)]
    Title(title::TitleCommand),
    /// Liens.
    #[command(subcommand)]
    Lien(title::LienCommand),
    /// Building records.
    #[command(subcommand)]
    Building(title::BuildingCommand),
    /// Transactions built with --sign-later: sign, submit, show.
    #[command(subcommand)]
    Tx(tx::TxCommand),
    /// Durable nonce accounts for --sign-later.
    #[command(subcommand)]
    Nonce(tx::NonceCommand),
    /// Print the public key of --keypair.
    Address,
    /// Benchmarks against a cluster (figures, not tests).
    #[command(subcommand)]
    Bench(BenchCommand),
    /// The indexer: fisc's history into SQLite (default) or PostgreSQL.
    #[command(subcommand)]
    Index(index::IndexCommand),
    /// Compare the index with the accounts on chain; exit code 1 on any difference.
    Audit {
        #[command(flatten)]
        db: index::Db,
    },
    /// Export the indexed spending: DATA Act-style CSV or OCDS JSON.
    Export {
        #[arg(value_enum)]
        kind: fisc_indexer::export::Export,
        #[command(flatten)]
        db: index::Db,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Proposals, approvals and executions per second from one client process.
    Payments(bench::PaymentsBench),
}

fn main() {
    let cli = Cli::parse();
    if let Err(error) = run(cli) {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}

fn rpc_url(cli_url: &Option<String>) -> String {
    let config = solana_cli_config::CONFIG_FILE
        .as_ref()
        .and_then(|f| CliConfig::load(f).ok())
        .unwrap_or_default();
    ConfigInput::compute_json_rpc_url_setting(
        cli_url.as_deref().unwrap_or(""),
        &config.json_rpc_url,
    )
    .1
}

fn payer(cli_keypair: &Option<PathBuf>) -> Result<Keypair> {
    let config = solana_cli_config::CONFIG_FILE
        .as_ref()
        .and_then(|f| CliConfig::load(f).ok())
        .unwrap_or_default();
    let path = cli_keypair
        .clone()
        .unwrap_or_else(|| PathBuf::from(&config.keypair_path));
    read_keypair_file(&path).map_err(|e| {
        anyhow!(
            "cannot read keypair {}: {e} (pass --keypair FILE)",
            path.display()
        )
    })
}

fn run(cli: Cli) -> Result<()> {
    let own_setup = matches!(
        cli.command,
        Commands::Localnet { .. }
            | Commands::Bootstrap { .. }
            | Commands::Index(_)
            | Commands::Audit { .. }
            | Commands::Export { .. }
            | Commands::Tx(tx::TxCommand::Sign { .. })
            | Commands::Address
    );
    let ctx = if own_setup {
        None
    } else {
        Some(context(&cli)?)
    };
    match cli.command {
        Commands::Index(command) => index::index(&rpc_url(&cli.url), command),
        Commands::Audit { db } => {
            if !index::audit_command(&rpc_url(&cli.url), &db)? {
                std::process::exit(1);
            }
            Ok(())
        }
        Commands::Export { kind, db, out } => index::export_command(&db, kind, out),
        Commands::Localnet {
            ledger,
            config,
            rpc_port,
            deploy_dir,
            validator,
            exit,
        } => localnet(&ledger, &config, rpc_port, &deploy_dir, validator, exit),
        Commands::Bootstrap { config, keys } => {
            let client = Client::new(
                &rpc_url(&cli.url),
                payer(&cli.keypair)?,
                SubmitConfig::default(),
            );
            let plan = Plan::load(&config)?;
            let keys = Keys::new(keys);
            let deployer = client.payer.insecure_clone();
            let mut bootstrap = Bootstrap::new(&client, &keys, &deployer);
            bootstrap.apply(&plan)?;
            report(&bootstrap.steps);
            Ok(())
        }
        Commands::Tx(tx::TxCommand::Sign { file }) => tx::sign(&file, &payer(&cli.keypair)?),
        Commands::Address => {
            outln!("{}", payer(&cli.keypair)?.pubkey());
            Ok(())
        }
        command => {
            let ctx = ctx.expect("built above for every other command");
            match command {
                Commands::Treasury(c) => budget::treasury(&ctx, c),
                Commands::Agency(c) => budget::agency(&ctx, c),
                Commands::Member(c) => budget::member(&ctx, c),
                Commands::Budget(c) => budget::budget(&ctx, c),
                Commands::Obligation(c) => budget::obligation(&ctx, c),
                Commands::Payee(c) => budget::payee(&ctx, c),
                Commands::Disbursement(c) => payment::disbursement(&ctx, c),
                Commands::Policy(c) => payment::policy(&ctx, c),
                Commands::Payment(c) => payment::payment(&ctx, c),
                Commands::Batch(c) => payment::batch(&ctx, c),
                Commands::Registry(c) => title::registry_command(&ctx, c),
                Commands::Property(c) => title::property_command(&ctx, c),
                Commands::Title(c) => title::title_command(&ctx, c),
                Commands::Lien(c) => title::lien_command(&ctx, c),
                Commands::Building(c) => title::building_command(&ctx, c),
                Commands::Tx(c) => tx::tx(&ctx, c),
                Commands::Nonce(c) => tx::nonce(&ctx, c),
                Commands::Bench(BenchCommand::Payments(b)) => {
                    bench::payments(&ctx, &rpc_url(&cli.url), b)
                }
                _ => unreachable!("dispatched above"),
            }
        }
    }
}

/// The connection, signer and output of a command. Read commands need no keypair.
fn context(cli: &Cli) -> Result<ctx::Ctx> {
    let reads_only = matches!(
        &cli.command,
        Commands::Treasury(budget::TreasuryCommand::Show)
            | Commands::Agency(budget::AgencyCommand::Show { .. } | budget::AgencyCommand::List)
            | Commands::Member(budget::MemberCommand::List { .. })
            | Commands::Budget(
                budget::BudgetCommand::Show { .. } | budget::BudgetCommand::List { .. }
            )
            | Commands::Obligation(
                budget::ObligationCommand::Show { .. } | budget::ObligationCommand::List { .. }
            )
            | Commands::Policy(payment::PolicyCommand::Show { .. })
            | Commands::Payment(
                payment::PaymentCommand::Show { .. } | payment::PaymentCommand::List { .. }
            )
            | Commands::Batch(payment::BatchCommand::Show { .. })
            | Commands::Registry(title::RegistryCommand::Show { .. })
            | Commands::Property(
                title::PropertyCommand::Show { .. } | title::PropertyCommand::List { .. }
            )
            | Commands::Tx(tx::TxCommand::Show { .. })
            | Commands::Nonce(tx::NonceCommand::Show { .. })
    );
    let payer = match payer(&cli.keypair) {
        Ok(k) => k,
        Err(_) if reads_only => Keypair::new(),
        Err(e) => return Err(e),
    };
    let actor = match &cli.actor {
        Some(a) => ctx::pubkey("--as", a)?,
        None => payer.pubkey(),
    };
    let sign_later = match (&cli.sign_later, &cli.nonce) {
        (Some(out), Some(nonce)) => Some(ctx::SignLater {
            out: out.clone(),
            nonce: ctx::pubkey("--nonce", nonce)?,
        }),
        _ => None,
    };
    let config = SubmitConfig {
        priority_fee: cli.priority_fee,
        ..SubmitConfig::default()
    };
    Ok(ctx::Ctx {
        client: Client::new(&rpc_url(&cli.url), payer, config),
        actor,
        output: cli.output,
        sign_later,
    })
}

fn report(steps: &[Step]) {
    let mut created = 0;
    for step in steps {
        match step {
            Step::Created(what, link) => {
                created += 1;
                outln!("  created    {what}\n             {link}");
            }
            Step::Unchanged(what) => outln!("  unchanged  {what}"),
        }
    }
    if created == 0 {
        outln!("nothing to do: the chain already matches the plan");
    }
}

/// The validator child process, killed on drop.
struct Validator(Child);

impl Drop for Validator {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn localnet(
    ledger: &Path,
    config: &Path,
    rpc_port: u16,
    deploy_dir: &Path,
    validator: Option<PathBuf>,
    exit: bool,
) -> Result<()> {
    let plan = Plan::load(config)?;
    let keys = Keys::new(ledger.join("fisc-keys"));
    let deployer = keys.get("deployer")?;
    let validator_bin = validator.unwrap_or_else(|| {
        let home = std::env::var("FISC_CACHE")
            .map(PathBuf::from)
            .unwrap_or_else(|_| {
                PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cache/fisc")
            });
        home.join("target-validator/validator/fisc-validator")
    });
    if !validator_bin.exists() {
        bail!(
            "{} is missing: build it with scripts/localnet.sh (or pass --validator)",
            validator_bin.display()
        );
    }
    let mut command = Command::new(&validator_bin);
    command
        .arg("--ledger")
        .arg(ledger)
        .arg("--deploy-dir")
        .arg(deploy_dir)
        .arg("--authority")
        .arg(deployer.pubkey().to_string())
        .arg("--rpc-port")
        .arg(rpc_port.to_string());
    for (name, id) in [
        ("budget", ::budget::ID),
        ("disbursement", disbursement::ID),
        ("titles", titles::ID),
    ] {
        command.arg("--program").arg(format!("{name}={id}"));
    }
    outln!(
        "starting the validator ({}) with its ledger in {}",
        validator_bin.display(),
        ledger.display()
    );
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .context("starting the validator")?;
    let stdout = child.stdout.take().context("validator stdout")?;
    let validator = Validator(child);
    let (ready_tx, ready_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("ready ") {
                let _ = ready_tx.send(url.to_string());
            }
        }
    });
    let url = ready_rx
        .recv_timeout(Duration::from_secs(120))
        .context("the validator did not start within 120 s")?;
    outln!("validator ready at {url}");

    let client = Client::new(&url, deployer.insecure_clone(), SubmitConfig::default());
    let mut bootstrap = Bootstrap::new(&client, &keys, &deployer);
    outln!("bootstrap from {}:", config.display());
    bootstrap.apply(&plan)?;
    report(&bootstrap.steps);
    scenario(&client, &keys, &plan, &mut bootstrap)?;

    if exit {
        drop(validator);
        return Ok(());
    }
    outln!(
        "\nthe local chain is up at {url}; Ctrl-C stops it (the ledger stays in {})",
        ledger.display()
    );
    let (stop_tx, stop_rx) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })
    .context("installing the Ctrl-C handler")?;
    let _ = stop_rx.recv();
    drop(validator);
    Ok(())
}

/// A payment proposed, approved and executed, and a property registered and transferred.
fn scenario(client: &Client, keys: &Keys, plan: &Plan, bootstrap: &mut Bootstrap) -> Result<()> {
    let agency_plan = plan.agencies.first().context("the plan has no agency")?;
    let account_plan = agency_plan
        .budget_accounts
        .first()
        .context("the first agency has no budget account")?;
    let obligation_plan = account_plan
        .obligations
        .first()
        .context("the first budget account has no obligation")?;
    let agency = ::budget::pda::agency(&padded(&agency_plan.code)?);
    let account_address = ::budget::pda::budget_account(&agency, &padded(&account_plan.tas)?);
    let (account, _) = fisc_client::accounts::budget_account(client, &account_address)?
        .with_context(|| format!("no budget account {}", account_plan.tas))?;
    let award = padded(&obligation_plan.award_id)?;
    let obligation = account.obligation(&award);
    let payee = keys.get(&obligation_plan.payee)?.pubkey();
    let payee_tokens = budget::ata(&payee, &account.mint, &account.token_program);
    let decimals = plan.mint.decimals;

    outln!(
        "\nscenario: a payment of 5000.00 to {} under award {}",
        obligation_plan.payee,
        obligation_plan.award_id
    );
    let requester = keys.get("hhs-requester")?;
    let approver = keys.get("hhs-approver-1")?;
    let officer = keys.get("hhs-disbursing-officer")?;
    let policy: disbursement::state::Policy = fisc_client::accounts::fetch_at(
        client,
        &disbursement::pda::policy(&agency),
        solana_commitment_config::CommitmentConfig::processed(),
    )?
    .context("agency has no policy")?;
    let sequence = policy.next_sequence;
    let request = disbursement::pda::request(&agency, sequence);
    let args = disbursement::PaymentProposeArgs {
        sequence,
        amount: parse_amount("5000.00", decimals)?,
        document_hash: solana_sha256_hasher::hashv(&[b"invoice", &sequence.to_le_bytes()])
            .to_bytes(),
        reference: padded(&format!("INV-{sequence:05}"))?,
    };
    let amount = args.amount;
    let step = |what: &str, landed: fisc_client::submit::Landed| {
        outln!(
            "  {what:<34} {} CU  {}",
            landed.compute_units,
            client.explorer.tx(&landed.signature)
        )
    };
    step(
        "proposed by the requester",
        client.send(
            &[dix::payment_propose(
                client.payer.pubkey(),
                requester.pubkey(),
                &account,
                obligation,
                payee_tokens,
                args,
            )],
            &[&requester],
        )?,
    );
    step(
        "approved by a certifying officer",
        client.send(
            &[dix::payment_approve(agency, approver.pubkey(), request)],
            &[&approver],
        )?,
    );
    // A split never needs less than the whole: when the award was paid within the period, the tier
    // counts those payments too, and a second certifying officer approves.
    let paid: ::budget::state::Obligation = fisc_client::accounts::fetch_at(
        client,
        &obligation,
        solana_commitment_config::CommitmentConfig::processed(),
    )?
    .context("obligation missing")?;
    let now = i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs(),
    )?;
    let units =
        disbursement::state::policy_units(amount, decimals).map_err(|e| anyhow::anyhow!("{e}"))?;
    let needed = policy
        .split_requirement(
            units,
            paid.paid_recently(now, policy.period_seconds),
            decimals,
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if needed.approvals >= 2 {
        let second = keys.get("hhs-approver-2")?;
        step(
            "approved by a second certifying officer (the award was paid within the period)",
            client.send(
                &[dix::payment_approve(agency, second.pubkey(), request)],
                &[&second],
            )?,
        );
    }
    let target = dix::ExecuteRef {
        request,
        requester: requester.pubkey(),
        obligation,
        payee_token_account: payee_tokens,
    };
    step(
        "executed by the disbursing officer",
        client.send(
            &[dix::payment_execute(
                &account,
                officer.pubkey(),
                true,
                &target,
            )],
            &[&officer],
        )?,
    );
    let balance = client.with_retries(|rpc| rpc.get_token_account_balance(&payee_tokens))?;
    outln!(
        "  payee balance now {} ({})",
        balance.ui_amount_string,
        client.explorer.address(&payee_tokens)
    );

    let registry_plan = plan
        .registries
        .first()
        .context("the plan has no registry")?;
    let second = plan
        .agencies
        .get(1)
        .context("the plan needs a second agency to transfer a property to")?;
    let registry = titles::pda::registry(&padded(&registry_plan.jurisdiction)?);
    let state: titles::state::Registry = bootstrap.fetch(&registry)?.context("registry missing")?;
    let parcel = format!("DEMO-{:04}", state.property_count + 1);
    outln!(
        "\nscenario: property {parcel} registered by agency {} and transferred to agency {}",
        agency_plan.code,
        second.code
    );
    let from_officer = keys.get("hhs-property-officer")?;
    let to_officer = keys.get("doe-property-officer")?;
    let to_agency = ::budget::pda::agency(&padded(&second.code)?);
    let args = titles::PropertyRegisterArgs {
        parcel_id: padded(&parcel)?,
        kind: titles::state::PropertyKind::BUILDING,
        latitude: 38_886_500,
        longitude: -77_017_400,
        legal_description_hash: solana_sha256_hasher::hashv(&[b"legal", parcel.as_bytes()])
            .to_bytes(),
        area_sq_m: 12_000,
        acquisition_cost: parse_amount("18500000.00", decimals)?,
        acquisition_date: 1_262_304_000,
        deed_hash: solana_sha256_hasher::hashv(&[b"deed", parcel.as_bytes()]).to_bytes(),
    };
    let property = titles::pda::property(&registry, &args.parcel_id);
    step(
        "registered",
        client.send(
            &[tix::property_register(
                client.payer.pubkey(),
                registry,
                agency,
                from_officer.pubkey(),
                true,
                args,
            )],
            &[&from_officer],
        )?,
    );
    step(
        "offered to the receiving agency",
        client.send(
            &[tix::title_transfer_offer(
                property,
                agency,
                from_officer.pubkey(),
                to_agency,
            )],
            &[&from_officer],
        )?,
    );
    step(
        "accepted by the receiving agency",
        client.send(
            &[tix::title_transfer_accept(
                property,
                to_agency,
                to_officer.pubkey(),
                from_officer.pubkey(),
            )],
            &[&to_officer],
        )?,
    );
    outln!("  title: {}", client.explorer.address(&property));
    Ok(())
}
