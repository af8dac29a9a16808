//! Builders for the disbursement program's instructions.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::system_program;
use disbursement::accounts as acc;
use disbursement::instruction as data;
use disbursement::pda;

use super::{anchor_ix, programdata_address};

/// `config_init`, signed by the disbursement program's upgrade authority.
pub fn config_init(payer: Pubkey, upgrade_authority: Pubkey, admin: Pubkey) -> Instruction {
    anchor_ix(
        disbursement::ID,
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
