//! Instruction builders, one module per program. Each builder takes the keys the instruction needs and
//! derives every PDA itself.

pub mod budget;
pub mod disbursement;
pub mod titles;

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{InstructionData, ToAccountMetas};

/// An Anchor instruction of `program` from its generated accounts struct and instruction data.
pub fn anchor_ix(
    program: Pubkey,
    accounts: impl ToAccountMetas,
    data: impl InstructionData,
) -> Instruction {
    Instruction {
        program_id: program,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

/// The program-data account of an upgradeable program (names its upgrade authority).
pub fn programdata_address(program: &Pubkey) -> Pubkey {
    let loader = anchor_lang::solana_program::bpf_loader_upgradeable::ID;
    Pubkey::find_program_address(&[program.as_ref()], &loader).0
}
