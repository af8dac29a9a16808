//! The `fisc` binary as a process, without a chain: what a user meets before any RPC call. (The
//! commands against a real local validator are in `scripts/e2e*.sh`.) Building this test also builds
//! the binary the end-to-end stage runs.

use std::process::{Command, Output};

fn fisc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fisc"))
        .args(args)
        .env("HOME", std::env::temp_dir())
        .output()
        .expect("the fisc binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn every_noun_is_listed_in_the_help() {
    let output = fisc(&["--help"]);
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for noun in [
        "treasury",
        "agency",
        "member",
        "budget",
        "obligation",
        "payee",
        "policy",
        "payment",
        "batch",
        "registry",
        "property",
        "title",
        "lien",
        "building",
        "tx",
        "nonce",
        "index",
        "audit",
        "export",
    ] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(noun)),
            "`fisc --help` does not list {noun}:\n{help}"
        );
    }
}

#[test]
fn a_missing_keypair_is_named_with_what_to_do() {
    let missing = std::env::temp_dir().join("fisc-cli-test-no-such-keypair.json");
    let output = fisc(&["--keypair", missing.to_str().unwrap(), "address"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains(&format!("cannot read keypair {}", missing.display()))
            && text.contains("pass --keypair FILE"),
        "{text}"
    );
}

#[test]
fn a_wrong_argument_is_a_usage_error() {
    let output = fisc(&[
        "payment",
        "approve",
        "--agency",
        "075",
        "--sequence",
        "seven",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("invalid value 'seven' for '--sequence <SEQUENCE>'"),
        "{}",
        stderr(&output)
    );
}
