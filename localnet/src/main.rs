//! `fisc-validator`: a real `solana-test-validator` on 127.0.0.1 with fisc's three programs deployed as
//! upgradeable programs at their localnet ids, the given key as their upgrade authority (so it can
//! sign `treasury_init` and `config_init`) and as the funded mint. It prints `ready <rpc url>` once the
//! RPC answers and runs until killed; its ledger stays in `--ledger` for the indexer.

use std::path::PathBuf;
use std::str::FromStr;

use clap::Parser;
use solana_pubkey::Pubkey;
use solana_rpc::rpc::JsonRpcConfig;
use solana_net_utils::SocketAddrSpace;
use solana_test_validator::{TestValidatorGenesis, UpgradeableProgramInfo};

#[derive(Parser)]
struct Args {
    /// Ledger directory (kept after exit).
    #[arg(long)]
    ledger: PathBuf,
    /// Directory holding budget.so, disbursement.so and titles.so.
    #[arg(long)]
    deploy_dir: PathBuf,
    /// Upgrade authority of the programs and funded mint (base58 public key).
    #[arg(long)]
    authority: String,
    /// RPC port on 127.0.0.1.
    #[arg(long, default_value_t = 8899)]
    rpc_port: u16,
    /// Program ids as NAME=BASE58, one per program.
    #[arg(long = "program", required = true)]
    programs: Vec<String>,
}

fn main() {
    let args = Args::parse();
    let authority = Pubkey::from_str(&args.authority).unwrap_or_else(|e| die(&format!("--authority: {e}")));
    let programs: Vec<UpgradeableProgramInfo> = args
        .programs
        .iter()
        .map(|spec| {
            let (name, id) = spec.split_once('=').unwrap_or_else(|| die(&format!("--program {spec}: expected NAME=ID")));
            let program_path = args.deploy_dir.join(format!("{name}.so"));
            if !program_path.exists() {
                die(&format!("{} is missing: run scripts/sbf.sh build", program_path.display()));
            }
            UpgradeableProgramInfo {
                program_id: Pubkey::from_str(id).unwrap_or_else(|e| die(&format!("--program {spec}: {e}"))),
                loader: solana_sdk_ids::bpf_loader_upgradeable::id(),
                upgrade_authority: authority,
                program_path,
            }
        })
        .collect();

    let mut genesis = TestValidatorGenesis::default();
    genesis
        .ledger_path(&args.ledger)
        .rpc_port(args.rpc_port)
        .rpc_config(JsonRpcConfig {
            enable_rpc_transaction_history: true,
            // Inner instructions and logs in getTransaction: the indexer reads emit_cpi! events from them.
            enable_extended_tx_metadata_storage: true,
            full_api: true,
            ..JsonRpcConfig::default_for_test()
        })
        .add_upgradeable_programs_with_path(&programs);
    let validator = genesis
        .start_with_mint_address(authority, SocketAddrSpace::Unspecified)
        .unwrap_or_else(|e| die(&format!("validator failed to start: {e}")));
    println!("ready {}", validator.rpc_url());
    validator.join();
}

fn die(message: &str) -> ! {
    eprintln!("fisc-validator: {message}");
    std::process::exit(1)
}
