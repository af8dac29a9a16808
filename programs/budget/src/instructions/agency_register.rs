use anchor_lang::prelude::*;

use crate::constants::{
    ACCOUNT_VERSION, AGENCY_CODE_LEN, NAME_LEN, SEED_AGENCY, TREASURY_AND_BUMP,
};
use crate::errors::BudgetError;
use crate::events::{emit, AgencyRegistered};
use crate::state::{Agency, Treasury};

/// Arguments of `agency_register`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct AgencyRegisterArgs {
    /// Agency code, printable ASCII zero-padded (e.g. `075`).
    pub code: [u8; AGENCY_CODE_LEN],
    /// Display name, UTF-8 zero-padded.
    pub name: [u8; NAME_LEN],
    /// The agency's admin.
    pub admin: Pubkey,
}

impl AgencyRegisterArgs {
    pub fn validate(&self) -> Result<()> {
        Agency::check_fields(&self.code, &self.name, &self.admin)
    }
}

#[event_cpi]
#[derive(Accounts)]
#[instruction(args: AgencyRegisterArgs)]
pub struct AgencyRegister<'info> {
    /// The treasury, naming the central authority.
    #[account(address = TREASURY_AND_BUMP.0, has_one = authority @ BudgetError::NotCentralAuthority)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The agency, created here; one per code.
    #[account(init, payer = payer, space = Agency::SPACE, seeds = [SEED_AGENCY, args.code.as_ref()], bump)]
    pub agency: AccountLoader<'info, Agency>,
    /// The central authority.
    pub authority: Signer<'info>,
    /// Pays the agency's rent.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// Register an agency under its code with its admin.
pub fn handler(ctx: Context<AgencyRegister>, args: AgencyRegisterArgs) -> Result<()> {
    let mut agency = ctx.accounts.agency.load_init()?;
    *agency = Agency {
        admin: args.admin,
        pending_admin: Pubkey::default(),
        code: args.code,
        name: args.name,
        budget_accounts_opened: 0,
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.agency,
        active: 1,
        reserved: Default::default(),
    };
    agency.invariant()?;
    drop(agency);
    emit(
        &ctx.accounts.event_authority,
        &AgencyRegistered {
            agency: ctx.accounts.agency.key(),
            code: args.code,
            name: args.name,
            admin: args.admin,
            registered_by: ctx.accounts.authority.key(),
        },
    )?;
    Ok(())
}
