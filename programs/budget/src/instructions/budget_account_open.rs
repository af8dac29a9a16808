use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::{ACCOUNT_VERSION, SEED_BUDGET_ACCOUNT, TAS_LEN, TREASURY_AND_BUMP};
use crate::errors::BudgetError;
use crate::events::{emit, BudgetAccountOpened};
use crate::pda_account;
use crate::roles::require_member;
use crate::state::{Agency, BudgetAccount, Member, Role, Treasury};

/// Arguments of `budget_account_open`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct BudgetAccountOpenArgs {
    /// Treasury Account Symbol, printable ASCII zero-padded.
    pub tas: [u8; TAS_LEN],
    /// First fiscal year of availability.
    pub first_fiscal_year: u16,
    /// Last fiscal year of availability; 0 for a no-year appropriation.
    pub last_fiscal_year: u16,
}

impl BudgetAccountOpenArgs {
    pub fn validate(&self) -> Result<()> {
        BudgetAccount::check_identity(&self.tas, self.first_fiscal_year, self.last_fiscal_year)
    }
}

#[event_cpi]
#[derive(Accounts)]
pub struct BudgetAccountOpen<'info> {
    /// The treasury: allowed mints and the cancellation rule.
    #[account(address = TREASURY_AND_BUMP.0)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The agency; must be active. Counts the account opened: its generation.
    #[account(mut, constraint = agency.load()?.is_active() @ BudgetError::AgencyInactive)]
    pub agency: AccountLoader<'info, Agency>,
    /// The officer's membership in this agency, with the budget officer role.
    /// Checked first by the handler (`roles::require_member`).
    pub member: AccountLoader<'info, Member>,
    /// A budget officer of the agency.
    pub officer: Signer<'info>,
    /// The budget account, created here at the canonical PDA `[SEED_BUDGET_ACCOUNT, agency, TAS]`:
    /// one per TAS per agency.
    /// CHECK: created by the handler through `pda_account::create`, which checks the address.
    #[account(mut)]
    pub budget_account: UncheckedAccount<'info>,
    /// The payment mint; must be allowed by the treasury.
    #[account(
        mint::token_program = token_program,
        constraint = treasury.load()?.allows_mint(&mint.key()) @ BudgetError::MintNotAllowed,
    )]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// The vault, created here at a fresh keypair's address (which signs), owned by the budget account PDA.
    #[account(
        init,
        payer = payer,
        token::mint = mint,
        token::authority = budget_account,
        token::token_program = token_program,
    )]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Pays both accounts' rent.
    #[account(mut)]
    pub payer: Signer<'info>,
    /// SPL Token or Token-2022 (the mint's).
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

/// Open an appropriation under a TAS with its period of availability and vault, and no budget
/// authority yet: the central authority grants it (`budget_account_authorized_set`).
pub fn handler(ctx: Context<BudgetAccountOpen>, args: BudgetAccountOpenArgs) -> Result<()> {
    require_member(
        &ctx.accounts.member,
        &ctx.accounts.agency.key(),
        &ctx.accounts.officer.key(),
        Role::BUDGET_OFFICER,
    )?;
    let agency = ctx.accounts.agency.key();
    let mint = ctx.accounts.mint.key();
    let cancellation_years = ctx.accounts.treasury.load()?.cancellation_years;
    let vault = ctx.accounts.vault.key();
    let decimals = ctx.accounts.mint.decimals;
    let generation = {
        let mut agency = ctx.accounts.agency.load_mut()?;
        let generation = agency.budget_accounts_opened;
        agency.budget_accounts_opened = generation
            .checked_add(1)
            .ok_or(BudgetError::AmountOverflow)?;
        generation
    };
    let bump = pda_account::create(
        &crate::ID,
        &ctx.accounts.payer,
        &ctx.accounts.budget_account,
        &[SEED_BUDGET_ACCOUNT, agency.as_ref(), args.tas.as_ref()],
        BudgetAccount::SPACE,
    )?;
    let account = BudgetAccount {
        version: ACCOUNT_VERSION,
        bump,
        vault,
        agency,
        tas: args.tas,
        mint,
        first_fiscal_year: args.first_fiscal_year,
        last_fiscal_year: args.last_fiscal_year,
        cancellation_years,
        // Budget authority comes from the central authority (`budget_account_authorized_set`), never
        // from the officer who will obligate it.
        authorized: 0,
        obligated: 0,
        disbursed: 0,
        funded: 0,
        returned: 0,
        open_obligations: 0,
        generation,
        obligations_created: 0,
        decimals,
        reserved: Default::default(),
    };
    account.invariant()?;
    pda_account::write_zero_copy(&ctx.accounts.budget_account, &account)?;
    emit(
        &ctx.accounts.event_authority,
        &BudgetAccountOpened {
            agency,
            budget_account: ctx.accounts.budget_account.key(),
            vault: ctx.accounts.vault.key(),
            tas: args.tas,
            mint,
            first_fiscal_year: args.first_fiscal_year,
            last_fiscal_year: args.last_fiscal_year,
            generation,
            officer: ctx.accounts.officer.key(),
        },
    )?;
    Ok(())
}
