//! The compute-unit table, `docs/compute-units.md`: one row per instruction (its representative case),
//! measured in the SVM. `scripts/cu.sh` rewrites it; the test suite fails when it is stale.

use std::fmt::Write as _;

use crate::svm::Sent;

/// One measured instruction.
pub struct Row {
    pub program: &'static str,
    /// The instruction's name as in the IDL, with a variant in parentheses where there are several.
    pub instruction: String,
    pub compute_units: u64,
    /// Data length of each account the transaction created.
    pub created: Vec<usize>,
}

/// Rows collected by the compute-unit test.
#[derive(Default)]
pub struct Table {
    pub rows: Vec<Row>,
}

impl Table {
    /// Fail unless every instruction of every IDL under `idl/` has a row.
    pub fn assert_covers_idl(&self) {
        let idl_dir = crate::manifest_dir().join("../idl");
        for program in ["budget", "disbursement", "titles"] {
            let path = idl_dir.join(format!("{program}.json"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let idl: serde_json::Value = serde_json::from_str(&text).expect("IDL is JSON");
            for ix in idl["instructions"].as_array().expect("IDL instructions") {
                let name = ix["name"].as_str().expect("instruction name");
                assert!(
                    self.rows.iter().any(|r| r.program == program
                        && (r.instruction == name || r.instruction.starts_with(&format!("{name} (")))),
                    "docs/compute-units.md has no row for {program}.{name}: add its representative case"
                );
            }
        }
    }

    /// Record the transaction `sent` as `program`'s `instruction`.
    pub fn record(&mut self, program: &'static str, instruction: &str, sent: &Sent) {
        let mut created: Vec<usize> = sent.created.iter().map(|(_, len)| *len).collect();
        created.sort_unstable();
        if std::env::var_os("FISC_CU_LOGS").is_some() {
            eprintln!("== {program}.{instruction}\n{}", sent.meta.pretty_logs());
        }
        self.rows.push(Row {
            program,
            instruction: instruction.to_string(),
            compute_units: sent.compute_units(),
            created,
        });
    }

    /// Compute units of `program`'s `instruction` row.
    fn units(&self, program: &str, instruction: &str) -> Option<u64> {
        self.rows
            .iter()
            .find(|r| r.program == program && r.instruction == instruction)
            .map(|r| r.compute_units)
    }

    /// The targets the issues set and the nearest published figures, against what was measured.
    fn targets(&self) -> String {
        const TARGETS: [(&str, &str, u64, &str); 8] = [
            ("budget", "budget_account_open", 12_000, "issue 3"),
            ("budget", "obligation_create", 8_000, "issue 3"),
            ("disbursement", "payment_approve", 2_500, "issue 4"),
            ("disbursement", "payment_propose", 6_500, "issue 4"),
            (
                "disbursement",
                "payment_execute",
                16_000,
                "issue 4; Solana Foundation escrow `Withdraw`: 15,342 best case",
            ),
            (
                "titles",
                "property_register",
                7_000,
                "issue 5; Metaplex Core asset create: about 17,000",
            ),
            ("titles", "title_transfer_accept", 4_000, "issue 5"),
            ("titles", "lien_record", 6_000, "issue 5"),
        ];
        let mut out = String::from("\n## Against the targets\n\n| program | instruction | measured | target | source |\n|---|---|---:|---:|---|\n");
        for (program, instruction, target, source) in TARGETS {
            let measured = self
                .units(program, instruction)
                .map_or("-".to_string(), |u| u.to_string());
            writeln!(
                out,
                "| {program} | {instruction} | {measured} | {target} | {source} |"
            )
            .expect("write to string");
        }
        out
    }

    /// The Markdown document.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "# Compute units per instruction\n\n\
             Measured in LiteSVM 0.16 (the Agave 4.2.2 runtime, mainnet feature set) on the SBPF v3 programs built \
             by `scripts/sbf.sh`, with deterministic keys. Regenerate with `scripts/cu.sh`; the test suite fails \
             when this file is stale. Each row is one transaction holding only that instruction.\n\n\
             | program | instruction | compute units | accounts created (bytes each) |\n\
             |---|---|---:|---|\n",
        );
        for row in &self.rows {
            let created = if row.created.is_empty() {
                "none".to_string()
            } else {
                row.created
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                row.program, row.instruction, row.compute_units, created
            )
            .expect("write to string");
        }
        out + &self.targets()
    }

    /// Write the table when `FISC_CU_WRITE=1`; fail if the committed file differs when `FISC_CU_CHECK=1`
    /// (what `scripts/test.sh` sets: the figures are those of the `scripts/sbf.sh` build, so a build by
    /// another toolchain measures other numbers and is only printed).
    pub fn write_or_check(&self) {
        let path = crate::manifest_dir().join("../docs/compute-units.md");
        let rendered = self.render();
        if std::env::var("FISC_CU_WRITE").as_deref() == Ok("1") {
            std::fs::write(&path, &rendered).expect("write docs/compute-units.md");
            return;
        }
        println!("{rendered}");
        if std::env::var("FISC_CU_CHECK").as_deref() != Ok("1") {
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == rendered,
            "docs/compute-units.md is stale: run scripts/cu.sh and commit it. Measured now:\n{rendered}"
        );
    }
}
