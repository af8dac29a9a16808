//! Builders for the budget program's instructions.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::system_program;
use budget::accounts as acc;
use budget::constants::{AWARD_ID_LEN, TAS_LEN};
use budget::instruction as data;
use budget::pda;

use super::{anchor_ix, programdata_address};

/// A budget account: where it lives, its mint and the mint's token program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BudgetAccountRef {
    /// The agency it belongs to.
    pub agency: Pubkey,
    /// Its Treasury Account Symbol.
    pub tas: [u8; TAS_LEN],
    /// Its payment mint.
    pub mint: Pubkey,
    /// SPL Token or Token-2022 (the mint's owner).
    pub token_program: Pubkey,
    /// Its vault (a token account created with the budget account, at a keypair's address).
    pub vault: Pubkey,
}

impl BudgetAccountRef {
    /// The budget account's address.
    pub fn address(&self) -> Pubkey {
        pda::budget_account(&self.agency, &self.tas)
    }

    /// The obligation under `award_id`.
    pub fn obligation(&self, award_id: &[u8; AWARD_ID_LEN]) -> Pubkey {
        pda::obligation(&self.address(), award_id)
    }
}

fn ix(
    accounts: impl anchor_lang::ToAccountMetas,
    data: impl anchor_lang::InstructionData,
) -> Instruction {
    anchor_ix(budget::ID, accounts, data)
}

/// `treasury_init`, signed by the budget program's upgrade authority.
pub fn treasury_init(
    payer: Pubkey,
    upgrade_authority: Pubkey,
    args: budget::TreasuryInitArgs,
) -> Instruction {
    ix(
        acc::TreasuryInit {
            treasury: pda::treasury(),
            this_program: budget::ID,
            program_data: programdata_address(&budget::ID),
            upgrade_authority,
            payer,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::TreasuryInit { args },
    )
}

/// `treasury_authority_propose`, by the central authority.
pub fn treasury_authority_propose(authority: Pubkey, proposed: Pubkey) -> Instruction {
    ix(
        acc::TreasuryAuthorityPropose {
            treasury: pda::treasury(),
            authority,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::TreasuryAuthorityPropose { proposed },
    )
}

/// `treasury_authority_accept`, by the proposed authority.
pub fn treasury_authority_accept(new_authority: Pubkey) -> Instruction {
    ix(
        acc::TreasuryAuthorityAccept {
            treasury: pda::treasury(),
            new_authority,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::TreasuryAuthorityAccept {},
    )
}

/// `treasury_mint_add`, by the central authority.
pub fn treasury_mint_add(authority: Pubkey, mint: Pubkey, token_program: Pubkey) -> Instruction {
    ix(
        acc::TreasuryMintAdd {
            treasury: pda::treasury(),
            authority,
            mint,
            token_program,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::TreasuryMintAdd {},
    )
}

/// `treasury_pause_set`, by the central authority.
pub fn treasury_pause_set(authority: Pubkey, paused: bool) -> Instruction {
    ix(
        acc::TreasuryPauseSet {
            treasury: pda::treasury(),
            authority,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::TreasuryPauseSet { paused },
    )
}

/// `agency_register`, by the central authority.
pub fn agency_register(
    payer: Pubkey,
    authority: Pubkey,
    args: budget::AgencyRegisterArgs,
) -> Instruction {
    ix(
        acc::AgencyRegister {
            treasury: pda::treasury(),
            agency: pda::agency(&args.code),
            authority,
            payer,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::AgencyRegister { args },
    )
}

/// `agency_admin_propose`, by the agency's admin.
pub fn agency_admin_propose(agency: Pubkey, admin: Pubkey, proposed: Pubkey) -> Instruction {
    ix(
        acc::AgencyAdminPropose {
            agency,
            admin,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::AgencyAdminPropose { proposed },
    )
}

/// `agency_admin_accept`, by the proposed admin.
pub fn agency_admin_accept(agency: Pubkey, new_admin: Pubkey) -> Instruction {
    ix(
        acc::AgencyAdminAccept {
            agency,
            new_admin,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::AgencyAdminAccept {},
    )
}

/// `agency_deactivate`, by the central authority.
pub fn agency_deactivate(authority: Pubkey, agency: Pubkey) -> Instruction {
    ix(
        acc::AgencyDeactivate {
            treasury: pda::treasury(),
            agency,
            authority,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::AgencyDeactivate {},
    )
}

/// `agency_reactivate`, by the central authority.
pub fn agency_reactivate(authority: Pubkey, agency: Pubkey) -> Instruction {
    ix(
        acc::AgencyReactivate {
            treasury: pda::treasury(),
            agency,
            authority,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::AgencyReactivate {},
    )
}

/// `member_roles_set`, by the agency's admin.
pub fn member_roles_set(
    payer: Pubkey,
    agency: Pubkey,
    admin: Pubkey,
    member_key: Pubkey,
    roles: u8,
) -> Instruction {
    ix(
        acc::MemberRolesSet {
            agency,
            member: pda::member(&agency, &member_key),
            admin,
            payer,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::MemberRolesSet { member_key, roles },
    )
}

/// `budget_account_open`, by a budget officer of `account.agency`; `account.vault` is a fresh keypair's
/// address, and that keypair signs too.
pub fn budget_account_open(
    payer: Pubkey,
    officer: Pubkey,
    account: &BudgetAccountRef,
    first_fiscal_year: u16,
    last_fiscal_year: u16,
) -> Instruction {
    let args = budget::BudgetAccountOpenArgs {
        tas: account.tas,
        first_fiscal_year,
        last_fiscal_year,
    };
    ix(
        acc::BudgetAccountOpen {
            treasury: pda::treasury(),
            agency: account.agency,
            member: pda::member(&account.agency, &officer),
            officer,
            budget_account: account.address(),
            mint: account.mint,
            vault: account.vault,
            payer,
            token_program: account.token_program,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::BudgetAccountOpen { args },
    )
}

/// `budget_account_fund`: `depositor` moves `amount` from its token account `source` into the vault,
/// if the account's funded total is still `funded_before` (read it first: a second landing is refused).
pub fn budget_account_fund(
    account: &BudgetAccountRef,
    depositor: Pubkey,
    source: Pubkey,
    amount: u64,
    funded_before: u64,
) -> Instruction {
    ix(
        acc::BudgetAccountFund {
            budget_account: account.address(),
            vault: account.vault,
            mint: account.mint,
            source,
            depositor,
            token_program: account.token_program,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::BudgetAccountFund {
            amount,
            funded_before,
        },
    )
}

/// `budget_account_authorized_set`, by the central authority.
pub fn budget_account_authorized_set(
    account: &BudgetAccountRef,
    authority: Pubkey,
    authorized: u64,
) -> Instruction {
    ix(
        acc::BudgetAccountAuthorizedSet {
            treasury: pda::treasury(),
            budget_account: account.address(),
            authority,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::BudgetAccountAuthorizedSet { authorized },
    )
}

/// `budget_account_cancel`: the balance goes to `destination`, a token account of the central authority.
pub fn budget_account_cancel(
    account: &BudgetAccountRef,
    authority: Pubkey,
    destination: Pubkey,
) -> Instruction {
    ix(
        acc::BudgetAccountCancel {
            treasury: pda::treasury(),
            budget_account: account.address(),
            vault: account.vault,
            mint: account.mint,
            destination,
            authority,
            token_program: account.token_program,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::BudgetAccountCancel {},
    )
}

/// `budget_account_close`, by the central authority.
pub fn budget_account_close(account: &BudgetAccountRef, authority: Pubkey) -> Instruction {
    ix(
        acc::BudgetAccountClose {
            treasury: pda::treasury(),
            budget_account: account.address(),
            vault: account.vault,
            authority,
            token_program: account.token_program,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::BudgetAccountClose {},
    )
}

/// `obligation_create`, by a budget officer of the account's agency.
pub fn obligation_create(
    payer: Pubkey,
    officer: Pubkey,
    account: &BudgetAccountRef,
    args: budget::ObligationCreateArgs,
) -> Instruction {
    ix(
        acc::ObligationCreate {
            treasury: pda::treasury(),
            agency: account.agency,
            member: pda::member(&account.agency, &officer),
            officer,
            budget_account: account.address(),
            payee: args.payee,
            obligation: account.obligation(&args.award_id),
            payer,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::ObligationCreate { args },
    )
}

fn obligation_adjust_accounts(
    officer: Pubkey,
    account: &BudgetAccountRef,
    award_id: &[u8; AWARD_ID_LEN],
) -> acc::ObligationAdjust {
    acc::ObligationAdjust {
        treasury: pda::treasury(),
        agency: account.agency,
        member: pda::member(&account.agency, &officer),
        officer,
        budget_account: account.address(),
        obligation: account.obligation(award_id),
        event_authority: pda::event_authority(),
        program: budget::ID,
    }
}

/// `obligation_increase`, by a budget officer, if the obligation's amount is still `obligated_before`.
pub fn obligation_increase(
    officer: Pubkey,
    account: &BudgetAccountRef,
    award_id: &[u8; AWARD_ID_LEN],
    amount: u64,
    obligated_before: u64,
) -> Instruction {
    ix(
        obligation_adjust_accounts(officer, account, award_id),
        data::ObligationIncrease {
            amount,
            obligated_before,
        },
    )
}

/// `obligation_decrease` (a deobligation), by a budget officer, if the obligation's amount is still
/// `obligated_before`.
pub fn obligation_decrease(
    officer: Pubkey,
    account: &BudgetAccountRef,
    award_id: &[u8; AWARD_ID_LEN],
    amount: u64,
    obligated_before: u64,
) -> Instruction {
    ix(
        obligation_adjust_accounts(officer, account, award_id),
        data::ObligationDecrease {
            amount,
            obligated_before,
        },
    )
}

/// `obligation_close`, by a budget officer (who receives the rent).
pub fn obligation_close(
    officer: Pubkey,
    account: &BudgetAccountRef,
    award_id: &[u8; AWARD_ID_LEN],
) -> Instruction {
    ix(
        acc::ObligationClose {
            treasury: pda::treasury(),
            agency: account.agency,
            member: pda::member(&account.agency, &officer),
            officer,
            budget_account: account.address(),
            obligation: account.obligation(award_id),
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::ObligationClose {},
    )
}

/// `outlay_execute`, signed by the disbursement authority (the disbursement program's PDA through CPI).
pub fn outlay_execute(
    disbursement_authority: Pubkey,
    account: &BudgetAccountRef,
    award_id: &[u8; AWARD_ID_LEN],
    payee_token_account: Pubkey,
    args: budget::OutlayExecuteArgs,
) -> Instruction {
    ix(
        acc::OutlayExecute {
            treasury: pda::treasury(),
            disbursement_authority,
            budget_account: account.address(),
            obligation: account.obligation(award_id),
            vault: account.vault,
            mint: account.mint,
            payee_token_account,
            token_program: account.token_program,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::OutlayExecute { args },
    )
}

/// Who records a recovery: the program takes it from the obligation's payee, or from a budget officer
/// of the agency (whose membership the instruction then names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveredBy {
    /// The obligation's payee returns money it was paid.
    Payee,
    /// A budget officer records money the agency got back by other means.
    BudgetOfficer,
}

/// `recovery_record`: `payer` (the payee, or a budget officer) returns `amount` from its token account
/// `source`, if the obligation's disbursed amount is still `disbursed_before`.
#[allow(clippy::too_many_arguments)]
pub fn recovery_record(
    account: &BudgetAccountRef,
    award_id: &[u8; AWARD_ID_LEN],
    payer: Pubkey,
    by: RecoveredBy,
    source: Pubkey,
    amount: u64,
    disbursed_before: u64,
) -> Instruction {
    ix(
        acc::RecoveryRecord {
            treasury: pda::treasury(),
            budget_account: account.address(),
            obligation: account.obligation(award_id),
            vault: account.vault,
            mint: account.mint,
            source,
            payer,
            member: (by == RecoveredBy::BudgetOfficer)
                .then(|| pda::member(&account.agency, &payer)),
            token_program: account.token_program,
            event_authority: pda::event_authority(),
            program: budget::ID,
        },
        data::RecoveryRecord {
            amount,
            disbursed_before,
        },
    )
}
