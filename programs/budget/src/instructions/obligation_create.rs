use anchor_lang::prelude::*;

use crate::constants::{
    ACCOUNT_VERSION, AWARD_ID_LEN, PAYEE_ID_LEN, SEED_OBLIGATION, TREASURY_AND_BUMP,
};
use crate::errors::BudgetError;
use crate::events::{emit, ObligationCreated};
use crate::pda_account;
use crate::roles::require_member;
use crate::state::{Agency, BudgetAccount, Member, Obligation, Role, Treasury};

/// Arguments of `obligation_create`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ObligationCreateArgs {
    /// Award id (PIID or FAIN), printable ASCII zero-padded.
    pub award_id: [u8; AWARD_ID_LEN],
    /// The payee's wallet: outlays go only to token accounts it owns.
    pub payee: Pubkey,
    /// The payee's id (UEI), printable ASCII zero-padded.
    pub payee_id: [u8; PAYEE_ID_LEN],
    /// Object class code (10-9999).
    pub object_class: u16,
    /// Amount to obligate.
    pub amount: u64,
}

impl ObligationCreateArgs {
    pub fn validate(&self) -> Result<()> {
        Obligation::check_fields(
            &self.award_id,
            &self.payee,
            &self.payee_id,
            self.object_class,
        )
    }
}

#[event_cpi]
#[derive(Accounts)]
pub struct ObligationCreate<'info> {
    /// The treasury: the fiscal-year calendar.
    #[account(address = TREASURY_AND_BUMP.0)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The agency; must be active.
    #[account(constraint = agency.load()?.is_active() @ BudgetError::AgencyInactive)]
    pub agency: AccountLoader<'info, Agency>,
    /// The officer's membership in this agency, with the budget officer role.
    /// Checked first by the handler (`roles::require_member`).
    pub member: AccountLoader<'info, Member>,
    /// A budget officer of the agency.
    pub officer: Signer<'info>,
    /// The budget account charged; the agency's own.
    #[account(
        mut,
        has_one = agency @ BudgetError::AccountOfAnotherAgency,
    )]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// The payee's wallet (`args.payee`), read for its owner: never an account of this program (a
    /// budget account, whose vault an outlay would then pay back into the treasury) nor a token account
    /// (a vault among them).
    /// CHECK: key against `args.payee` and owner, by the handler (`require_payee_outside_treasury`).
    pub payee: UncheckedAccount<'info>,
    /// The obligation, created here at the canonical PDA `[SEED_OBLIGATION, budget account, award
    /// id]`: one per award per budget account.
    /// CHECK: created by the handler through `pda_account::create`, which checks the address.
    #[account(mut)]
    pub obligation: UncheckedAccount<'info>,
    /// Pays the obligation's rent.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// Obligate `amount` of an open budget account to a payee under an award.
pub fn handler(ctx: Context<ObligationCreate>, args: ObligationCreateArgs) -> Result<()> {
    require_member(
        &ctx.accounts.member,
        &ctx.accounts.agency.key(),
        &ctx.accounts.officer.key(),
        Role::BUDGET_OFFICER,
    )?;
    require_payee_outside_treasury(&ctx.accounts.payee, &args.payee)?;
    let fy = Treasury::fiscal_year_now(&ctx.accounts.treasury)?;
    let mut account = ctx.accounts.budget_account.load_mut()?;
    account.require_open(fy)?;
    account.record_obligation(args.amount)?;
    account.open_obligations = account
        .open_obligations
        .checked_add(1)
        .ok_or(BudgetError::AmountOverflow)?;
    let generation = account.obligations_created;
    account.obligations_created = generation
        .checked_add(1)
        .ok_or(BudgetError::AmountOverflow)?;
    let bump = pda_account::create(
        &crate::ID,
        &ctx.accounts.payer,
        &ctx.accounts.obligation,
        &[
            SEED_OBLIGATION,
            ctx.accounts.budget_account.key().as_ref(),
            args.award_id.as_ref(),
        ],
        Obligation::SPACE,
    )?;
    let obligation = Obligation {
        version: ACCOUNT_VERSION,
        bump,
        budget_account: ctx.accounts.budget_account.key(),
        award_id: args.award_id,
        payee: args.payee,
        payee_id: args.payee_id,
        object_class: args.object_class,
        obligated: args.amount,
        disbursed: 0,
        generation,
        window_start: 0,
        paid_this_window: 0,
        paid_last_window: 0,
    };
    account.invariant()?;
    obligation.invariant()?;
    pda_account::write_zero_copy(&ctx.accounts.obligation, &obligation)?;
    emit(
        &ctx.accounts.event_authority,
        &ObligationCreated {
            agency: account.agency,
            budget_account: ctx.accounts.budget_account.key(),
            obligation: ctx.accounts.obligation.key(),
            award_id: args.award_id,
            payee: args.payee,
            payee_id: args.payee_id,
            object_class: args.object_class,
            amount: args.amount,
            generation,
            officer: ctx.accounts.officer.key(),
        },
    )?;
    Ok(())
}

/// Fails unless `payee` is the account `expected` and is neither owned by this program (a budget
/// account: an outlay would pay its own or another appropriation's vault) nor by a token program (a
/// token account, a vault among them, cannot be a payee wallet).
fn require_payee_outside_treasury(payee: &AccountInfo, expected: &Pubkey) -> Result<()> {
    require_keys_eq!(payee.key(), *expected, BudgetError::PayeeMismatch);
    let owner = payee.owner;
    if *owner == crate::ID
        || *owner == anchor_spl::token::ID
        || *owner == anchor_spl::token_2022::ID
    {
        msg!("the payee {} is owned by {}", payee.key, owner);
        return err!(BudgetError::PayeeInsideTreasury);
    }
    Ok(())
}
