//! Builders for the titles program's instructions.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::system_program;
use titles::accounts as acc;
use titles::instruction as data;
use titles::pda;

use super::anchor_ix;

/// `registry_init`, signed by the budget treasury's central authority.
pub fn registry_init(
    payer: Pubkey,
    authority: Pubkey,
    args: titles::RegistryInitArgs,
) -> Instruction {
    anchor_ix(
        titles::ID,
        acc::RegistryInit {
            registry: pda::registry(&args.jurisdiction),
            treasury: budget::pda::treasury(),
            authority,
            payer,
            system_program: system_program::ID,
            event_authority: pda::event_authority(),
            program: titles::ID,
        },
        data::RegistryInit { args },
    )
}
