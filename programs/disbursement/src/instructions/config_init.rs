use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, AUTHORITY_AND_BUMP, SEED_CONFIG};
use crate::events::{emit, ConfigInitialized};
use crate::program::Disbursement;
use crate::state::Config;

/// Arguments of `config_init`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// The program's admin (a key or a multisig).
    pub admin: Pubkey,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The config singleton, created here; its PDA makes a second `config_init` fail.
    #[account(init, payer = payer, space = 8 + Config::INIT_SPACE, seeds = [SEED_CONFIG], bump)]
    pub config: Account<'info, Config>,
    /// The disbursement program itself, to find its program-data account.
    #[account(constraint = this_program.programdata_address()? == Some(program_data.key()))]
    pub this_program: Program<'info, Disbursement>,
    /// The program's program-data account, which names its upgrade authority.
    #[account(constraint = program_data.upgrade_authority_address == Some(upgrade_authority.key()))]
    pub program_data: Account<'info, ProgramData>,
    /// The upgrade authority: only the deployer may create the config.
    pub upgrade_authority: Signer<'info>,
    /// Pays the config's rent.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
    let (authority, authority_bump) = AUTHORITY_AND_BUMP;
    let config = &mut ctx.accounts.config;
    config.set_inner(Config {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.config,
        authority_bump,
        admin: args.admin,
    });
    config.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &ConfigInitialized {
            config: config.key(),
            admin: args.admin,
            authority,
        },
    )?;
    Ok(())
}
