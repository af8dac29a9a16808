//! # fisc disbursement program
//!
//! Who approved paying whom: approval policies, payment requests, approvals, time locks and execution.
//! It is the only caller the budget program accepts for an outlay: its authority PDA
//! (`[SEED_AUTHORITY]`) signs the CPI. Separation of duties lives here: a requester never approves
//! their own request.
//!
//! `lib.rs` only dispatches; each instruction lives in `instructions/<name>.rs`.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
#[cfg(not(target_os = "solana"))]
pub mod pda;
pub mod roles;
pub mod state;

pub use instructions::*;

#[cfg(all(feature = "fast-entrypoint", not(feature = "cpi")))]
budget::program_entrypoint!(entry, EVENT_AUTHORITY_AND_BUMP.0);

declare_id!("6TVMrLeFVZMmjMPyPKxxitzUUDNuSZmgKkWZNmW6KJz8");

#[program]
pub mod disbursement {
    use super::*;

    /// Create the program's config and fix its authority PDA; signed by the upgrade authority.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        instructions::config_init::handler(ctx, args)
    }

    /// Set an agency's approval tiers, spending limit and executor rule; by the agency admin.
    #[access_control(args.validate())]
    pub fn policy_set(ctx: Context<PolicySetAccounts>, args: PolicySetArgs) -> Result<()> {
        instructions::policy_set::handler(ctx, args)
    }

    /// Propose a payment against an obligation; by a requester, at the agency's next sequence.
    #[access_control(args.validate())]
    pub fn payment_propose(ctx: Context<PaymentPropose>, args: PaymentProposeArgs) -> Result<()> {
        instructions::payment_propose::handler(ctx, args)
    }

    /// Approve a payment; by an approver who is not the requester, once.
    pub fn payment_approve(ctx: Context<PaymentApprove>) -> Result<()> {
        instructions::payment_approve::handler(ctx)
    }

    /// Reject a payment; by an approver. The request closes.
    pub fn payment_reject(ctx: Context<PaymentReject>) -> Result<()> {
        instructions::payment_reject::handler(ctx)
    }

    /// Cancel a payment; by the requester or the agency admin. The request closes.
    pub fn payment_cancel(ctx: Context<PaymentCancel>) -> Result<()> {
        instructions::payment_cancel::handler(ctx)
    }

    /// Execute an approved, unlocked payment through the budget program's outlay. The request closes.
    pub fn payment_execute(ctx: Context<PaymentExecute>) -> Result<()> {
        instructions::payment_execute::handler(ctx)
    }

    /// Propose a batch of up to 10 payees from one budget account; by a requester.
    #[access_control(args.validate())]
    pub fn payment_batch_propose<'info>(
        ctx: Context<'info, PaymentBatchPropose<'info>>,
        args: PaymentBatchProposeArgs,
    ) -> Result<()> {
        instructions::payment_batch_propose::handler(ctx, args)
    }

    /// Approve a batch; by an approver who is not the requester, once.
    pub fn payment_batch_approve(ctx: Context<PaymentBatchApprove>) -> Result<()> {
        instructions::payment_batch_approve::handler(ctx)
    }

    /// Pay items `start..` of an approved batch (their accounts as remaining accounts); closes it after
    /// the last.
    pub fn payment_batch_execute<'info>(
        ctx: Context<'info, PaymentBatchExecute<'info>>,
        start: u8,
    ) -> Result<()> {
        instructions::payment_batch_execute::handler(ctx, start)
    }

    /// Cancel (requester or admin) or reject (approver) a batch that has paid nothing.
    pub fn payment_batch_cancel(ctx: Context<PaymentBatchCancel>) -> Result<()> {
        instructions::payment_batch_cancel::handler(ctx)
    }

    /// Void the approval of an approver who no longer holds the approver role; by anyone.
    pub fn payment_approval_void(ctx: Context<PaymentApprovalVoid>) -> Result<()> {
        instructions::payment_approval_void::handler(ctx)
    }

    /// Void a batch approval of an approver who no longer holds the approver role; by anyone.
    pub fn payment_batch_approval_void(ctx: Context<PaymentBatchApprovalVoid>) -> Result<()> {
        instructions::payment_batch_approval_void::handler(ctx)
    }
}
