//! Builders for the disbursement program's instructions.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::system_program;
use disbursement::accounts as acc;
use disbursement::instruction as data;
use disbursement::pda;

use super::budget::BudgetAccountRef;
use super::{anchor_ix, programdata_address};

fn ix(
    accounts: impl anchor_lang::ToAccountMetas,
    data: impl anchor_lang::InstructionData,
) -> Instruction {
    anchor_ix(disbursement::ID, accounts, data)
}

/// `config_init`, signed by the disbursement program's upgrade authority.
pub fn config_init(payer: Pubkey, upgrade_authority: Pubkey, admin: Pubkey) -> Instruction {
    ix(
        acc::ConfigInit {
            config: pda::config(),
            this_program: disbursement::ID,
            program_data: programdata_address(&disbursement::ID),
            upgrade_authority,
            payer,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::ConfigInit {
            args: disbursement::ConfigInitArgs { admin },
        },
    )
}

/// `policy_set`, by the agency's admin.
pub fn policy_set(
    payer: Pubkey,
    agency: Pubkey,
    admin: Pubkey,
    args: disbursement::PolicySetArgs,
) -> Instruction {
    ix(
        acc::PolicySetAccounts {
            agency,
            policy: pda::policy(&agency),
            admin,
            payer,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PolicySet { args },
    )
}

/// `payment_propose`, by a requester of the account's agency.
pub fn payment_propose(
    payer: Pubkey,
    requester: Pubkey,
    account: &BudgetAccountRef,
    obligation: Pubkey,
    payee_token_account: Pubkey,
    args: disbursement::PaymentProposeArgs,
) -> Instruction {
    let agency = account.agency;
    ix(
        acc::PaymentPropose {
            policy: pda::policy(&agency),
            agency,
            member: budget::pda::member(&agency, &requester),
            requester,
            budget_account: account.address(),
            obligation,
            payee_token_account,
            request: pda::request(&agency, args.sequence),
            payer,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentPropose { args },
    )
}

/// `payment_approve`, by an approver of `agency`.
pub fn payment_approve(agency: Pubkey, approver: Pubkey, request: Pubkey) -> Instruction {
    ix(
        acc::PaymentApprove {
            member: budget::pda::member(&agency, &approver),
            approver,
            request,
            agency,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentApprove {},
    )
}

/// `payment_approval_void`: void `approver`'s approval of `request` (of `agency`) once the approver
/// role is revoked; sent by anyone (`voided_by` signs and pays).
pub fn payment_approval_void(
    agency: Pubkey,
    approver: Pubkey,
    request: Pubkey,
    voided_by: Pubkey,
) -> Instruction {
    ix(
        acc::PaymentApprovalVoid {
            request,
            member: budget::pda::member(&agency, &approver),
            approver,
            voided_by,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentApprovalVoid {},
    )
}

/// `payment_reject`, by an approver of `agency`.
pub fn payment_reject(
    agency: Pubkey,
    approver: Pubkey,
    request: Pubkey,
    requester: Pubkey,
) -> Instruction {
    ix(
        acc::PaymentReject {
            agency,
            member: budget::pda::member(&agency, &approver),
            approver,
            request,
            requester,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentReject {},
    )
}

/// `payment_cancel`, by the requester or the agency's admin (`signer`).
pub fn payment_cancel(
    agency: Pubkey,
    signer: Pubkey,
    request: Pubkey,
    requester: Pubkey,
) -> Instruction {
    ix(
        acc::PaymentCancel {
            agency,
            request,
            requester,
            signer,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentCancel {},
    )
}

/// What `payment_execute` pays: the request and the accounts it names.
#[derive(Clone, Copy, Debug)]
pub struct ExecuteRef {
    /// The request.
    pub request: Pubkey,
    /// Its requester (receives the request's rent).
    pub requester: Pubkey,
    /// The obligation it pays against.
    pub obligation: Pubkey,
    /// The payee's token account.
    pub payee_token_account: Pubkey,
}

/// `payment_execute` by `executor`; `executor_is_officer` passes the executor's membership (needed
/// unless the policy lets anyone execute).
pub fn payment_execute(
    account: &BudgetAccountRef,
    executor: Pubkey,
    executor_is_officer: bool,
    target: &ExecuteRef,
) -> Instruction {
    let agency = account.agency;
    ix(
        acc::PaymentExecute {
            policy: pda::policy(&agency),
            agency,
            executor_member: executor_is_officer.then(|| budget::pda::member(&agency, &executor)),
            executor,
            request: target.request,
            requester: target.requester,
            authority: pda::authority(),
            treasury: budget::pda::treasury(),
            budget_account: account.address(),
            obligation: target.obligation,
            vault: account.vault,
            mint: account.mint,
            payee_token_account: target.payee_token_account,
            token_program: account.token_program,
            budget_event_authority: budget::pda::event_authority(),
            budget_program: budget::ID,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentExecute {},
    )
}

/// One payee of a batch: its obligation, token account and amount.
#[derive(Clone, Copy, Debug)]
pub struct BatchPayee {
    pub obligation: Pubkey,
    pub payee_token_account: Pubkey,
    pub amount: u64,
}

fn pairs(payees: &[BatchPayee]) -> Vec<anchor_lang::solana_program::instruction::AccountMeta> {
    use anchor_lang::solana_program::instruction::AccountMeta;
    payees
        .iter()
        .flat_map(|p| {
            [
                AccountMeta::new(p.obligation, false),
                AccountMeta::new(p.payee_token_account, false),
            ]
        })
        .collect()
}

/// `payment_batch_propose` of `payees` from `account`, by a requester.
pub fn payment_batch_propose(
    payer: Pubkey,
    requester: Pubkey,
    account: &BudgetAccountRef,
    sequence: u64,
    payees: &[BatchPayee],
    document_hash: [u8; 32],
    reference: [u8; disbursement::constants::REFERENCE_LEN],
) -> Instruction {
    let agency = account.agency;
    let args = disbursement::PaymentBatchProposeArgs {
        sequence,
        amounts: payees.iter().map(|p| p.amount).collect(),
        document_hash,
        reference,
    };
    let mut ix = ix(
        acc::PaymentBatchPropose {
            policy: pda::policy(&agency),
            agency,
            member: budget::pda::member(&agency, &requester),
            requester,
            budget_account: account.address(),
            batch: pda::batch(&agency, sequence),
            payer,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentBatchPropose { args },
    );
    ix.accounts.extend(pairs(payees));
    ix
}

/// `payment_batch_approve`, by an approver of `agency`.
pub fn payment_batch_approve(agency: Pubkey, approver: Pubkey, batch: Pubkey) -> Instruction {
    ix(
        acc::PaymentBatchApprove {
            member: budget::pda::member(&agency, &approver),
            approver,
            batch,
            agency,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentBatchApprove {},
    )
}

/// `payment_batch_approval_void`: as [`payment_approval_void`], for a batch.
pub fn payment_batch_approval_void(
    agency: Pubkey,
    approver: Pubkey,
    batch: Pubkey,
    voided_by: Pubkey,
) -> Instruction {
    ix(
        acc::PaymentBatchApprovalVoid {
            batch,
            member: budget::pda::member(&agency, &approver),
            approver,
            voided_by,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentBatchApprovalVoid {},
    )
}

/// `payment_batch_execute` of `payees` (the batch's items from `start`, in order) by `executor`.
pub fn payment_batch_execute(
    account: &BudgetAccountRef,
    executor: Pubkey,
    executor_is_officer: bool,
    batch: Pubkey,
    requester: Pubkey,
    start: u8,
    payees: &[BatchPayee],
) -> Instruction {
    let agency = account.agency;
    let mut ix = ix(
        acc::PaymentBatchExecute {
            policy: pda::policy(&agency),
            agency,
            executor_member: executor_is_officer.then(|| budget::pda::member(&agency, &executor)),
            executor,
            batch,
            requester,
            authority: pda::authority(),
            treasury: budget::pda::treasury(),
            budget_account: account.address(),
            vault: account.vault,
            mint: account.mint,
            token_program: account.token_program,
            budget_event_authority: budget::pda::event_authority(),
            budget_program: budget::ID,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentBatchExecute { start },
    );
    ix.accounts.extend(pairs(payees));
    ix
}

/// `payment_batch_cancel`: by the requester or admin (`approver_member = false`), or an approver's
/// rejection (`true`).
pub fn payment_batch_cancel(
    agency: Pubkey,
    signer: Pubkey,
    approver_member: bool,
    batch: Pubkey,
    requester: Pubkey,
) -> Instruction {
    ix(
        acc::PaymentBatchCancel {
            agency,
            member: approver_member.then(|| budget::pda::member(&agency, &signer)),
            batch,
            requester,
            signer,
            event_authority: pda::event_authority(),
            program: disbursement::ID,
        },
        data::PaymentBatchCancel {},
    )
}
