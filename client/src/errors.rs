//! Program errors for people: every error code of the three programs mapped to its message through
//! the committed IDL, with the failing instruction and the program's own log lines.

use std::collections::HashMap;
use std::sync::OnceLock;

use anchor_lang::prelude::Pubkey;
use solana_instruction_error::InstructionError;
use solana_transaction_error::TransactionError;

const IDLS: [&str; 3] = [
    include_str!("../../idl/budget.json"),
    include_str!("../../idl/disbursement.json"),
    include_str!("../../idl/titles.json"),
];

struct ProgramErrors {
    name: String,
    errors: HashMap<u32, (String, String)>,
}

fn programs() -> &'static HashMap<Pubkey, ProgramErrors> {
    static PROGRAMS: OnceLock<HashMap<Pubkey, ProgramErrors>> = OnceLock::new();
    PROGRAMS.get_or_init(|| {
        IDLS.iter()
            .map(|text| {
                let idl: serde_json::Value =
                    serde_json::from_str(text).expect("committed IDL is JSON");
                let address: Pubkey = idl["address"]
                    .as_str()
                    .and_then(|a| a.parse().ok())
                    .expect("IDL address");
                let errors = idl["errors"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| {
                        let code = e["code"].as_u64().unwrap_or_default() as u32;
                        let name = e["name"].as_str().unwrap_or_default().to_string();
                        let msg = e["msg"].as_str().unwrap_or(&name).to_string();
                        (code, (name, msg))
                    })
                    .collect();
                let name = idl["metadata"]["name"]
                    .as_str()
                    .unwrap_or("fisc")
                    .to_string();
                (address, ProgramErrors { name, errors })
            })
            .collect()
    })
}

/// The name and message of `program`'s error `code`, when it is one of fisc's.
pub fn program_error(program: &Pubkey, code: u32) -> Option<(String, String)> {
    programs().get(program)?.errors.get(&code).cloned()
}

/// The program name of a fisc program id.
pub fn program_name(program: &Pubkey) -> Option<&'static str> {
    programs().get(program).map(|p| p.name.as_str())
}

/// A failed transaction explained: which instruction, what the program said, the relevant logs.
#[derive(Debug, Clone)]
pub struct Explained {
    /// One line: "budget instruction 2 failed: the vault holds less than the outlay (InsufficientVaultFunds, 6027)".
    pub summary: String,
    /// The program's own log lines about the failure (its `msg!` details and Anchor's error line).
    pub details: Vec<String>,
}

impl std::fmt::Display for Explained {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.summary)?;
        for line in &self.details {
            write!(f, "\n  {line}")?;
        }
        Ok(())
    }
}

/// Explain `error` of a transaction whose instructions ran `programs` (in order), with its `logs`.
pub fn explain(error: &TransactionError, programs: &[Pubkey], logs: &[String]) -> Explained {
    let details: Vec<String> = logs
        .iter()
        .filter_map(|l| l.strip_prefix("Program log: "))
        .filter(|l| !l.starts_with("Instruction: "))
        .map(str::to_string)
        .collect();
    let summary = match error {
        TransactionError::InstructionError(index, inner) => {
            let program = programs
                .get(usize::from(*index))
                .copied()
                .unwrap_or_default();
            let who =
                program_name(&program).map_or_else(|| format!("program {program}"), str::to_string);
            match inner {
                InstructionError::Custom(code) => match program_error(&program, *code) {
                    Some((name, msg)) => {
                        format!("{who} instruction {index} failed: {msg} ({name}, {code})")
                    }
                    None => {
                        let anchor = details
                            .iter()
                            .find_map(|l| l.split("Error Message: ").nth(1))
                            .map(|m| m.trim_end_matches('.'));
                        match anchor {
                            Some(message) => {
                                format!("{who} instruction {index} failed: {message} (code {code})")
                            }
                            None => {
                                format!("{who} instruction {index} failed with error code {code}")
                            }
                        }
                    }
                },
                other => format!("{who} instruction {index} failed: {other}"),
            }
        }
        other => format!("transaction refused: {other}"),
    };
    Explained { summary, details }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_program_error_has_a_message() {
        assert_eq!(programs().len(), 3);
        for program in programs().values() {
            assert!(
                !program.errors.is_empty(),
                "{} has no errors in its IDL",
                program.name
            );
            for (code, (name, msg)) in &program.errors {
                assert!(*code >= 6000 && !name.is_empty() && !msg.is_empty());
            }
        }
    }

    #[test]
    fn explains_a_program_error_with_its_details() {
        let code = u32::from(disbursement::errors::DisbursementError::NotEnoughApprovals);
        let error = TransactionError::InstructionError(1, InstructionError::Custom(code));
        let logs = vec![
            "Program log: Instruction: PaymentExecute".to_string(),
            "Program log: payment needs 2 approvals, has 1".to_string(),
        ];
        let explained = explain(&error, &[Pubkey::default(), disbursement::ID], &logs);
        assert_eq!(
            explained.summary,
            format!("disbursement instruction 1 failed: payment needs more approvals (NotEnoughApprovals, {code})")
        );
        assert_eq!(
            explained.details,
            vec!["payment needs 2 approvals, has 1".to_string()]
        );
    }
}
