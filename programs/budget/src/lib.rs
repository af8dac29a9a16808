//! # fisc budget program
//!
//! The ledger of spending authority: the treasury (central authority, allowed mints, the disbursement
//! program's authority, the fiscal-year calendar, the pause switch), agencies and their members' roles,
//! budget accounts (appropriations) with their token vaults, obligations, and the fiscal-year lifecycle.
//! It is the only program that moves money out of a vault, and only when the disbursement program's
//! authority PDA signs the request.
//!
//! Properties: `disbursed <= obligated <= authorized` for every budget account and obligation after
//! every instruction (each aggregate's `invariant()`); no new obligation outside an account's period of
//! availability; no payment from a cancelled account or while paused; every change emits an event.
//!
//! `lib.rs` only dispatches; each instruction lives in `instructions/<name>.rs` with its accounts, args and
//! handler.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod entrypoint;
pub mod errors;
pub mod event_cpi;
pub mod events;
pub mod fiscal;
pub mod instructions;
#[cfg(not(target_os = "solana"))]
pub mod pda;
pub mod pda_account;
pub mod roles;
pub mod state;
pub mod text;
pub mod token;

pub use instructions::*;

#[cfg(all(feature = "fast-entrypoint", not(feature = "cpi")))]
crate::program_entrypoint!(entry, EVENT_AUTHORITY_AND_BUMP.0);

declare_id!("zfn73NMoBLsBSZTTfAuJLVN3ZowyUCNxHMqoNEbt5VK");

#[program]
pub mod budget {
    use super::*;

    /// Create the treasury singleton; signed by the program's upgrade authority.
    #[access_control(args.validate())]
    pub fn treasury_init(ctx: Context<TreasuryInit>, args: TreasuryInitArgs) -> Result<()> {
        instructions::treasury_init::handler(ctx, args)
    }

    /// Propose a new central authority (step one of two).
    pub fn treasury_authority_propose(
        ctx: Context<TreasuryAuthorityPropose>,
        proposed: Pubkey,
    ) -> Result<()> {
        instructions::treasury_authority_propose::handler(ctx, proposed)
    }

    /// The proposed central authority accepts (step two of two).
    pub fn treasury_authority_accept(ctx: Context<TreasuryAuthorityAccept>) -> Result<()> {
        instructions::treasury_authority_accept::handler(ctx)
    }

    /// Allow a mint (SPL Token or Token-2022 without extensions) for budget accounts.
    pub fn treasury_mint_add(ctx: Context<TreasuryMintAdd>) -> Result<()> {
        instructions::treasury_mint_add::handler(ctx)
    }

    /// Stop or resume every outlay.
    pub fn treasury_pause_set(ctx: Context<TreasuryPauseSet>, paused: bool) -> Result<()> {
        instructions::treasury_pause_set::handler(ctx, paused)
    }

    /// Register an agency with its code, name and admin; by the central authority.
    #[access_control(args.validate())]
    pub fn agency_register(ctx: Context<AgencyRegister>, args: AgencyRegisterArgs) -> Result<()> {
        instructions::agency_register::handler(ctx, args)
    }

    /// Propose a new agency admin (step one of two).
    pub fn agency_admin_propose(ctx: Context<AgencyAdminPropose>, proposed: Pubkey) -> Result<()> {
        instructions::agency_admin_propose::handler(ctx, proposed)
    }

    /// The proposed agency admin accepts (step two of two).
    pub fn agency_admin_accept(ctx: Context<AgencyAdminAccept>) -> Result<()> {
        instructions::agency_admin_accept::handler(ctx)
    }

    /// Deactivate an agency; by the central authority.
    pub fn agency_deactivate(ctx: Context<AgencyDeactivate>) -> Result<()> {
        instructions::agency_deactivate::handler(ctx)
    }

    /// Reactivate a deactivated agency; by the central authority.
    pub fn agency_reactivate(ctx: Context<AgencyReactivate>) -> Result<()> {
        instructions::agency_reactivate::handler(ctx)
    }

    /// Set a member's roles in an agency (0 revokes all); by the agency admin.
    pub fn member_roles_set(
        ctx: Context<MemberRolesSet>,
        member_key: Pubkey,
        roles: u8,
    ) -> Result<()> {
        instructions::member_roles_set::handler(ctx, member_key, roles)
    }

    /// Open a budget account (appropriation) with its vault; by a budget officer.
    #[access_control(args.validate())]
    pub fn budget_account_open(
        ctx: Context<BudgetAccountOpen>,
        args: BudgetAccountOpenArgs,
    ) -> Result<()> {
        instructions::budget_account_open::handler(ctx, args)
    }

    /// Deposit tokens into a budget account's vault. `funded_before` is the account's funded total the
    /// deposit was built against (compare and set): a copy that lands twice is refused the second time.
    pub fn budget_account_fund(
        ctx: Context<BudgetAccountFund>,
        amount: u64,
        funded_before: u64,
    ) -> Result<()> {
        instructions::budget_account_fund::handler(ctx, amount, funded_before)
    }

    /// Supplement or rescind a budget account's authority; by the central authority.
    pub fn budget_account_authorized_set(
        ctx: Context<BudgetAccountAuthorizedSet>,
        authorized: u64,
    ) -> Result<()> {
        instructions::budget_account_authorized_set::handler(ctx, authorized)
    }

    /// Return a cancelled budget account's balance to the treasury; by the central authority.
    pub fn budget_account_cancel(ctx: Context<BudgetAccountCancel>) -> Result<()> {
        instructions::budget_account_cancel::handler(ctx)
    }

    /// Close a cancelled, empty budget account and its vault; by the central authority.
    pub fn budget_account_close(ctx: Context<BudgetAccountClose>) -> Result<()> {
        instructions::budget_account_close::handler(ctx)
    }

    /// Obligate part of an open budget account to a payee under an award; by a budget officer.
    #[access_control(args.validate())]
    pub fn obligation_create(
        ctx: Context<ObligationCreate>,
        args: ObligationCreateArgs,
    ) -> Result<()> {
        instructions::obligation_create::handler(ctx, args)
    }

    /// Adjust an obligation up, within the account's unobligated authority; by a budget officer.
    /// `obligated_before` is the obligation's amount it was built against (compare and set).
    pub fn obligation_increase(
        ctx: Context<ObligationAdjust>,
        amount: u64,
        obligated_before: u64,
    ) -> Result<()> {
        instructions::obligation_adjust::handler(ctx, true, amount, obligated_before)
    }

    /// Deobligate part of an obligation, never below what it has paid; by a budget officer.
    /// `obligated_before` is the obligation's amount it was built against (compare and set).
    pub fn obligation_decrease(
        ctx: Context<ObligationAdjust>,
        amount: u64,
        obligated_before: u64,
    ) -> Result<()> {
        instructions::obligation_adjust::handler(ctx, false, amount, obligated_before)
    }

    /// Close a fully paid obligation, or one of a cancelled account; by a budget officer.
    pub fn obligation_close(ctx: Context<ObligationClose>) -> Result<()> {
        instructions::obligation_close::handler(ctx)
    }

    /// Pay a payee from the vault against an obligation; only by the disbursement program's authority.
    pub fn outlay_execute(ctx: Context<OutlayExecute>, args: OutlayExecuteArgs) -> Result<()> {
        instructions::outlay_execute::handler(ctx, args)
    }

    /// Record money a payee returns, credited to the obligation. `disbursed_before` is the obligation's
    /// disbursed amount it was built against (compare and set).
    pub fn recovery_record(
        ctx: Context<RecoveryRecord>,
        amount: u64,
        disbursed_before: u64,
    ) -> Result<()> {
        instructions::recovery_record::handler(ctx, amount, disbursed_before)
    }
}
