//! Instruction builders over the program crates' generated `accounts`/`instruction` modules (no
//! hand-written layouts), and the set-ups that several test files share.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{system_program, InstructionData, ToAccountMetas};
use solana_signer::Signer;

use crate::keys::{address, padded};
use crate::svm::{programdata_address, Harness, Sent};

/// An Anchor instruction of `program` from its generated accounts struct and instruction data.
pub fn ix(
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

/// The central authority used by the shared set-ups.
pub const CENTRAL_AUTHORITY: &str = "central-authority";

/// Default `treasury_init` arguments: a US-style calendar (October), cancellation after 5 years.
pub fn treasury_init_args() -> budget::TreasuryInitArgs {
    budget::TreasuryInitArgs {
        authority: address(CENTRAL_AUTHORITY),
        disbursement_authority: disbursement::pda::authority(),
        fiscal_year_start_month: 10,
        cancellation_years: 5,
    }
}

/// `treasury_init` signed by `upgrade_authority`.
pub fn treasury_init_ix(
    h: &Harness,
    upgrade_authority: Pubkey,
    args: budget::TreasuryInitArgs,
) -> Instruction {
    ix(
        budget::ID,
        budget::accounts::TreasuryInit {
            treasury: budget::pda::treasury(),
            this_program: budget::ID,
            program_data: programdata_address(&budget::ID),
            upgrade_authority,
            payer: h.payer.pubkey(),
            system_program: system_program::ID,
            event_authority: budget::pda::event_authority(),
            program: budget::ID,
        },
        budget::instruction::TreasuryInit { args },
    )
}

/// `config_init` of the disbursement program signed by `upgrade_authority`.
pub fn config_init_ix(h: &Harness, upgrade_authority: Pubkey, admin: Pubkey) -> Instruction {
    ix(
        disbursement::ID,
        disbursement::accounts::ConfigInit {
            config: disbursement::pda::config(),
            this_program: disbursement::ID,
            program_data: programdata_address(&disbursement::ID),
            upgrade_authority,
            payer: h.payer.pubkey(),
            system_program: system_program::ID,
            event_authority: disbursement::pda::event_authority(),
            program: disbursement::ID,
        },
        disbursement::instruction::ConfigInit {
            args: disbursement::ConfigInitArgs { admin },
        },
    )
}

/// Default `registry_init` arguments for the jurisdiction `US-DC`.
pub fn registry_init_args() -> titles::RegistryInitArgs {
    titles::RegistryInitArgs {
        jurisdiction: padded("US-DC"),
        name: padded("District of Columbia Recorder of Deeds"[..32].trim_end()),
        registrar: address("registrar"),
    }
}

/// `registry_init` signed by `authority` (the treasury's central authority when valid).
pub fn registry_init_ix(
    h: &Harness,
    authority: Pubkey,
    args: titles::RegistryInitArgs,
) -> Instruction {
    ix(
        titles::ID,
        titles::accounts::RegistryInit {
            registry: titles::pda::registry(&args.jurisdiction),
            treasury: budget::pda::treasury(),
            authority,
            payer: h.payer.pubkey(),
            system_program: system_program::ID,
            event_authority: titles::pda::event_authority(),
            program: titles::ID,
        },
        titles::instruction::RegistryInit { args },
    )
}

/// Create the treasury with the default arguments.
pub fn init_treasury(h: &mut Harness) -> Sent {
    let ua = h.upgrade_authority.insecure_clone();
    let ix = treasury_init_ix(h, ua.pubkey(), treasury_init_args());
    h.send_ok(&[ix], &[&ua])
}
