//! Off-chain derivation of the program's addresses, for clients and tests (never compiled on chain,
//! where handlers use the stored bumps).

use anchor_lang::prelude::Pubkey;

use crate::constants::{
    AGENCY_CODE_LEN, AWARD_ID_LEN, SEED_AGENCY, SEED_BUDGET_ACCOUNT, SEED_MEMBER, SEED_OBLIGATION,
    SEED_TREASURY, TAS_LEN,
};

fn find(seeds: &[&[u8]]) -> Pubkey {
    Pubkey::find_program_address(seeds, &crate::ID).0
}

/// The treasury singleton.
pub fn treasury() -> Pubkey {
    find(&[SEED_TREASURY])
}

/// The agency with `code`.
pub fn agency(code: &[u8; AGENCY_CODE_LEN]) -> Pubkey {
    find(&[SEED_AGENCY, code])
}

/// The membership of `member` in `agency`.
pub fn member(agency: &Pubkey, member: &Pubkey) -> Pubkey {
    find(&[SEED_MEMBER, agency.as_ref(), member.as_ref()])
}

/// The budget account of `agency` under `tas`.
pub fn budget_account(agency: &Pubkey, tas: &[u8; TAS_LEN]) -> Pubkey {
    find(&[SEED_BUDGET_ACCOUNT, agency.as_ref(), tas])
}

/// The obligation of a budget account under `award_id`.
pub fn obligation(budget_account: &Pubkey, award_id: &[u8; AWARD_ID_LEN]) -> Pubkey {
    find(&[SEED_OBLIGATION, budget_account.as_ref(), award_id])
}

/// The `emit_cpi!` event authority of this program.
pub fn event_authority() -> Pubkey {
    find(&[b"__event_authority"])
}
