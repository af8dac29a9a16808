//! Developer tasks that need no SBF toolchain.
//!
//! `cargo run -p xtask -- idl` writes `idl/<program>.json` for every program with Anchor's own IDL
//! builder (what `anchor idl build` runs); `cargo run -p xtask -- idl --check` fails when a committed IDL
//! differs from the sources.

use std::path::PathBuf;
use std::process::ExitCode;

use anchor_lang_idl::build::IdlBuilder;
use anyhow::{bail, Context, Result};

const PROGRAMS: [&str; 3] = ["budget", "disbursement", "titles"];

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["idl"] => idl(false),
        ["idl", "--check"] => idl(true),
        _ => bail!("usage: cargo run -p xtask -- idl [--check]"),
    }
}

fn workspace_root() -> PathBuf {
    // At run time, from cargo: a build cached from a clone elsewhere keeps the compile-time path.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest_dir
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn idl(check: bool) -> Result<ExitCode> {
    let root = workspace_root();
    // rustup sets RUSTUP_TOOLCHAIN for everything `cargo run` starts; with it set, the IDL builder would
    // try to install that toolchain and call `cargo +{toolchain}` literally. The nested cargo builds in a
    // target dir of its own, since it builds with other RUSTFLAGS than the tests.
    std::env::remove_var("RUSTUP_TOOLCHAIN");
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    std::env::set_var("CARGO_TARGET_DIR", target.join("idl"));
    let mut stale = vec![];
    for program in PROGRAMS {
        let idl = IdlBuilder::new()
            .program_path(root.join("programs").join(program))
            // The IDL test only prints JSON: its dependencies need no optimisation, unlike the
            // LiteSVM tests' (Cargo.toml's dev profile), and compile in about half the time.
            .cargo_args(vec![
                "--locked".into(),
                "--config".into(),
                r#"profile.dev.package."*".opt-level=0"#.into(),
            ])
            .build()
            .with_context(|| format!("building the IDL of {program}"))?;
        let json = serde_json::to_string_pretty(&idl)? + "\n";
        let path = root.join("idl").join(format!("{program}.json"));
        if check {
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            if committed != json {
                stale.push(path.display().to_string());
            }
        } else {
            std::fs::create_dir_all(path.parent().expect("idl dir"))?;
            std::fs::write(&path, json).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("xtask: wrote {}", path.display());
        }
    }
    if stale.is_empty() {
        if check {
            eprintln!("xtask: the committed IDL matches the programs");
        }
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "xtask: stale IDL (run `cargo run -p xtask -- idl` and commit): {}",
            stale.join(", ")
        );
        Ok(ExitCode::FAILURE)
    }
}
