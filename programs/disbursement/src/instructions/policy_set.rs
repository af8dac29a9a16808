use anchor_lang::prelude::*;
use budget::state::Agency;

use crate::constants::{ACCOUNT_VERSION, MAX_TIERS, SEED_POLICY, WINDOW_SLICES};
use crate::errors::DisbursementError;
use crate::events::{emit, PolicySet};
use crate::state::{Policy, Tier};

/// Arguments of `policy_set`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct PolicySetArgs {
    /// 1-3 tiers by rising `max_amount`, the last with `u64::MAX`.
    pub tiers: Vec<Tier>,
    /// Whether anyone may execute an approved, unlocked payment (otherwise a disbursing officer).
    pub anyone_may_execute: bool,
    /// Spending period: 86,400 (day), 604,800 (week) or 2,592,000 (30 days) seconds.
    pub period_seconds: u32,
    /// Most that may be paid in one period.
    pub period_limit: u64,
    /// Seconds a payment request may wait for execution after its proposal (1 day to 366 days,
    /// longer than every tier's time lock); then it expires.
    pub max_request_age_seconds: u32,
}

impl PolicySetArgs {
    pub fn validate(&self) -> Result<()> {
        Policy::check(
            &self.tiers,
            self.period_seconds,
            self.period_limit,
            self.max_request_age_seconds,
        )
    }
}

#[event_cpi]
#[derive(Accounts)]
pub struct PolicySetAccounts<'info> {
    /// The agency (budget program), naming its admin.
    #[account(has_one = admin @ DisbursementError::NotAgencyAdmin)]
    pub agency: AccountLoader<'info, Agency>,
    /// The agency's policy, created on first use.
    #[account(
        init_if_needed,
        payer = payer,
        space = Policy::SPACE,
        seeds = [SEED_POLICY, agency.key().as_ref()],
        bump,
    )]
    pub policy: AccountLoader<'info, Policy>,
    /// The agency's admin.
    pub admin: Signer<'info>,
    /// Pays the policy's rent on first use.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// Set the agency's tiers, spending limit and executor rule. Requests in flight keep the tier they were
/// proposed under, or a stricter one if the new policy asks more; the payment sequence and the current
/// period's spending carry over.
pub fn handler(ctx: Context<PolicySetAccounts>, args: PolicySetArgs) -> Result<()> {
    let agency = ctx.accounts.agency.key();
    let policy_key = ctx.accounts.policy.key();
    let mut policy = budget::pda_account::load_init_if_needed(&ctx.accounts.policy)?;
    if policy.version == 0 {
        policy.version = ACCOUNT_VERSION;
        policy.bump = ctx.bumps.policy;
        policy.agency = agency;
        // Its window starts below: a new policy's period (0) always differs from the one set.
    }
    let mut tiers = [Tier::default(); MAX_TIERS];
    tiers[..args.tiers.len()].copy_from_slice(&args.tiers);
    policy.set_tiers(&args.tiers);
    policy.anyone_may_execute = u8::from(args.anyone_may_execute);
    if policy.period_seconds != args.period_seconds {
        // New slices: what the window holds counts as paid now, until the new window passes it.
        let now = Clock::get()?.unix_timestamp;
        policy.roll_window(now);
        policy.slice_spent = [0; WINDOW_SLICES + 1];
        policy.slice_spent[0] = policy.period_spent;
        policy.period_start = now;
    }
    policy.period_seconds = args.period_seconds;
    // A limit lowered below what the window holds stops payments until enough of it rolls out.
    policy.period_limit = args.period_limit;
    policy.max_request_age_seconds = args.max_request_age_seconds;
    policy.check_config()?;
    policy.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &PolicySet {
            agency,
            policy: policy_key,
            tiers,
            tier_count: policy.tier_count,
            anyone_may_execute: args.anyone_may_execute,
            period_seconds: args.period_seconds,
            period_limit: args.period_limit,
            max_request_age_seconds: args.max_request_age_seconds,
            admin: ctx.accounts.admin.key(),
        },
    )?;
    Ok(())
}
