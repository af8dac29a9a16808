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
                        let anchor = missing_account(&details, *code).or_else(|| {
                            details
                                .iter()
                                .find_map(|l| l.split("Error Message: ").nth(1))
                                .map(|m| m.trim_end_matches('.'))
                        });
                        match (anchor, inner_failure(logs, &program, *code)) {
                            (Some(message), _) => {
                                format!("{who} instruction {index} failed: {message} (code {code})")
                            }
                            (None, Some(inner)) => {
                                format!("{who} instruction {index} failed: {inner}")
                            }
                            (None, None) => {
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

/// What a missing account means, when Anchor refused one that does not exist: a zero-copy account at
/// an empty address fails its owner check (3007, the owner Anchor logs after `Left:` being the system
/// program), a Borsh one its initialisation check (3012), a token account read in place its owner
/// check (3007, no account named, the token program expected). An account that exists under another
/// owner keeps Anchor's message.
fn missing_account(details: &[String], code: u32) -> Option<&'static str> {
    const NOT_INITIALIZED: u32 = 3012;
    const WRONG_OWNER: u32 = 3007;
    const MEANINGS: [(&str, &str); 3] = [
        (
            "member",
            "the signer holds no membership in the agency (its member account does not exist)",
        ),
        (
            "executor_member",
            "the executor holds no membership in the agency (its member account does not exist)",
        ),
        (
            "authorization",
            "the signer is not an authorised lien holder of the registry (no authorisation account)",
        ),
    ];
    let system_program = anchor_lang::system_program::ID.to_string();
    let empty = match code {
        NOT_INITIALIZED => true,
        WRONG_OWNER => details
            .iter()
            .skip_while(|l| l.as_str() != "Left:")
            .nth(1)
            .is_some_and(|owner| *owner == system_program),
        _ => false,
    };
    if !empty {
        return None;
    }
    let account = details.iter().find_map(|l| {
        l.strip_prefix("AnchorError caused by account: ")?
            .split_once('.')
            .map(|(name, _)| name)
    });
    match account {
        Some(account) => MEANINGS
            .iter()
            .find(|(name, _)| *name == account)
            .map(|(_, meaning)| *meaning),
        // The programs' in-place token reads (budget::token) name no account; they log the token
        // program as the owner expected (after `Right:`).
        None => {
            let token_program = spl_token_interface::ID.to_string();
            let expected_token = details
                .iter()
                .skip_while(|l| l.as_str() != "Right:")
                .nth(1)
                .is_some_and(|owner| *owner == token_program);
            (code == WRONG_OWNER && expected_token).then_some(
                "a token account it was given does not exist: most often the payee has no token \
                 account in the budget account's mint (`fisc payee create-account` creates it)",
            )
        }
    }
}

/// A failure raised by a program that a fisc instruction invoked (the system or a token program),
/// read from the log line `Program <id> failed: custom program error: 0x..`.
fn inner_failure(logs: &[String], top: &Pubkey, code: u32) -> Option<String> {
    let failed = logs.iter().find_map(|l| {
        let rest = l.strip_prefix("Program ")?;
        let (id, tail) = rest.split_once(" failed: ")?;
        tail.contains("custom program error").then_some(id)
    })?;
    let id: Pubkey = failed.parse().ok()?;
    if &id == top {
        return None;
    }
    let known = if id == anchor_lang::system_program::ID {
        match code {
            0 => Some("an account it creates already exists (already in use: for a payment request, its sequence was taken; retry with a fresh read)"),
            1 => Some("the payer has too few lamports"),
            _ => None,
        }
    } else if id == spl_token_interface::ID || id == spl_token_2022_interface::ID {
        match code {
            1 => Some("the token account holds too little"),
            3 => Some("a token account is for another mint"),
            4 => Some("a token account has another owner"),
            17 => Some("the token account is frozen"),
            _ => None,
        }
    } else {
        None
    };
    Some(match known {
        Some(text) => format!("{text} (program {id}, error {code})"),
        None => format!("program {id} it invoked failed with error {code}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_a_failure_of_an_invoked_program() {
        let error = TransactionError::InstructionError(1, InstructionError::Custom(0));
        let logs = vec![
            format!("Program {} invoke [2]", anchor_lang::system_program::ID),
            "Program log: Create Account: account already in use".to_string(),
            format!(
                "Program {} failed: custom program error: 0x0",
                anchor_lang::system_program::ID
            ),
            format!(
                "Program {} failed: custom program error: 0x0",
                disbursement::ID
            ),
        ];
        let explained = explain(&error, &[Pubkey::default(), disbursement::ID], &logs);
        assert!(
            explained.summary.starts_with(
                "disbursement instruction 1 failed: an account it creates already exists"
            ),
            "{}",
            explained.summary
        );
    }

    #[test]
    fn explains_a_missing_membership() {
        let error = TransactionError::InstructionError(0, InstructionError::Custom(3007));
        let logs = vec![
            "Program log: AnchorError caused by account: member. Error Code: AccountOwnedByWrongProgram. Error Number: 3007. Error Message: The given account is owned by a different program than expected.".to_string(),
            "Program log: Left:".to_string(),
            format!("Program log: {}", anchor_lang::system_program::ID),
            "Program log: Right:".to_string(),
            format!("Program log: {}", budget::ID),
        ];
        let explained = explain(&error, &[disbursement::ID], &logs);
        assert_eq!(
            explained.summary,
            "disbursement instruction 0 failed: the signer holds no membership in the agency (its member account does not exist) (code 3007)"
        );
        // A membership that exists under another owner (a forgery), and the same code for another
        // account, keep Anchor's message.
        let mut forged = logs.clone();
        forged[2] = format!("Program log: {}", titles::ID);
        let other = vec![logs[0].replace("account: member.", "account: policy.")];
        for logs in [forged, other] {
            let explained = explain(&error, &[disbursement::ID], &logs);
            assert!(
                explained
                    .summary
                    .ends_with("owned by a different program than expected (code 3007)"),
                "{}",
                explained.summary
            );
        }
    }

    #[test]
    fn explains_a_payee_without_a_token_account() {
        let error = TransactionError::InstructionError(1, InstructionError::Custom(3007));
        let logs = vec![
            "Program log: AnchorError occurred. Error Code: AccountOwnedByWrongProgram. Error Number: 3007. Error Message: The given account is owned by a different program than expected.".to_string(),
            "Program log: Left:".to_string(),
            format!("Program log: {}", anchor_lang::system_program::ID),
            "Program log: Right:".to_string(),
            format!("Program log: {}", spl_token_interface::ID),
        ];
        let explained = explain(&error, &[Pubkey::default(), disbursement::ID], &logs);
        assert!(
            explained.summary.starts_with(
                "disbursement instruction 1 failed: a token account it was given does not exist: most often the payee has no token account"
            ),
            "{}",
            explained.summary
        );
        // A token account that exists under another program keeps Anchor's message.
        let mut forged = logs.clone();
        forged[2] = format!("Program log: {}", titles::ID);
        let explained = explain(&error, &[Pubkey::default(), disbursement::ID], &forged);
        assert!(
            explained
                .summary
                .ends_with("owned by a different program than expected (code 3007)"),
            "{}",
            explained.summary
        );
    }

    #[test]
    fn keeps_anchors_message_for_an_account_not_a_signers() {
        let error = TransactionError::InstructionError(0, InstructionError::Custom(3012));
        let logs = vec!["Program log: AnchorError caused by account: treasury. Error Code: AccountNotInitialized. Error Number: 3012. Error Message: The program expected this account to be already initialized.".to_string()];
        let explained = explain(&error, &[budget::ID], &logs);
        assert_eq!(
            explained.summary,
            "budget instruction 0 failed: The program expected this account to be already initialized (code 3012)"
        );
    }

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
