use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_MEMBER};
use crate::errors::BudgetError;
use crate::events::{emit, MemberRolesChanged};
use crate::state::{Agency, Member, Role};

#[event_cpi]
#[derive(Accounts)]
#[instruction(member_key: Pubkey)]
pub struct MemberRolesSet<'info> {
    /// The agency. While it is deactivated, roles may only be revoked (checked by the handler).
    #[account(has_one = admin @ BudgetError::NotAgencyAdmin)]
    pub agency: AccountLoader<'info, Agency>,
    /// The member's roles in the agency; created on first grant.
    #[account(
        init_if_needed,
        payer = payer,
        space = Member::SPACE,
        seeds = [SEED_MEMBER, agency.key().as_ref(), member_key.as_ref()],
        bump,
    )]
    pub member: AccountLoader<'info, Member>,
    /// The agency's admin.
    pub admin: Signer<'info>,
    /// Pays the member account's rent on first grant.
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// Grant and revoke roles: the member's roles become exactly `roles` (0 revokes every role); while the
/// agency is deactivated, only revocations.
pub fn handler(ctx: Context<MemberRolesSet>, member_key: Pubkey, roles: u8) -> Result<()> {
    require!(roles & !Role::ALL == 0, BudgetError::InvalidRoles);
    require_keys_neq!(member_key, Pubkey::default(), BudgetError::InvalidAddress);
    let agency = ctx.accounts.agency.key();
    let mut member = crate::pda_account::load_init_if_needed(&ctx.accounts.member)?;
    let previous_roles = member.roles;
    // A deactivated agency grants nothing: only roles the member holds may be taken away.
    require!(
        ctx.accounts.agency.load()?.is_active()
            || (member.version != 0 && roles & !previous_roles == 0),
        BudgetError::AgencyInactive
    );
    if member.version == 0 {
        member.version = ACCOUNT_VERSION;
        member.bump = ctx.bumps.member;
        member.agency = agency;
        member.member = member_key;
    }
    member.roles = roles;
    member.invariant()?;
    drop(member);
    emit(
        &ctx.accounts.event_authority,
        &MemberRolesChanged {
            agency,
            member: member_key,
            previous_roles,
            roles,
            admin: ctx.accounts.admin.key(),
        },
    )?;
    Ok(())
}
