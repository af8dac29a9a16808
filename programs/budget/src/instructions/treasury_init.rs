use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, MAX_MINTS, SEED_TREASURY};
use crate::events::{emit, TreasuryInitialized};
use crate::program::Budget;
use crate::state::Treasury;

/// Arguments of `treasury_init`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct TreasuryInitArgs {
    /// The central authority (a key or a multisig).
    pub authority: Pubkey,
    /// The disbursement program's authority PDA.
    pub disbursement_authority: Pubkey,
    /// Month (1-12) in which the fiscal year starts.
    pub fiscal_year_start_month: u8,
    /// Years (1-30) after expiry at which appropriations are cancelled.
    pub cancellation_years: u8,
}

impl TreasuryInitArgs {
    pub fn validate(&self) -> Result<()> {
        Treasury::check_settings(
            self.fiscal_year_start_month,
            self.cancellation_years,
            &self.disbursement_authority,
        )
    }
}

#[event_cpi]
#[derive(Accounts)]
pub struct TreasuryInit<'info> {
    /// The treasury singleton, created here; its PDA makes a second `treasury_init` fail.
    #[account(
        init,
        payer = payer,
        space = Treasury::SPACE,
        seeds = [SEED_TREASURY],
        bump,
    )]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The budget program itself, to find its program-data account.
    #[account(constraint = this_program.programdata_address()? == Some(program_data.key()))]
    pub this_program: Program<'info, Budget>,
    /// The program's program-data account, which names its upgrade authority.
    #[account(constraint = program_data.upgrade_authority_address == Some(upgrade_authority.key()))]
    pub program_data: Account<'info, ProgramData>,
    /// The upgrade authority: only the deployer may create the treasury, so nobody can front-run it.
    pub upgrade_authority: Signer<'info>,
    /// Pays the treasury's rent.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<TreasuryInit>, args: TreasuryInitArgs) -> Result<()> {
    let mut treasury = ctx.accounts.treasury.load_init()?;
    *treasury = Treasury {
        authority: args.authority,
        pending_authority: Pubkey::default(),
        disbursement_authority: args.disbursement_authority,
        mints: [Pubkey::default(); MAX_MINTS],
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.treasury,
        fiscal_year_start_month: args.fiscal_year_start_month,
        cancellation_years: args.cancellation_years,
        paused: 0,
    };
    treasury.invariant()?;
    drop(treasury);
    emit(
        &ctx.accounts.event_authority,
        &TreasuryInitialized {
            treasury: ctx.accounts.treasury.key(),
            authority: args.authority,
            disbursement_authority: args.disbursement_authority,
            fiscal_year_start_month: args.fiscal_year_start_month,
            cancellation_years: args.cancellation_years,
        },
    )?;
    Ok(())
}
