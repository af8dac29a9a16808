use anchor_lang::prelude::*;
use budget::state::{Agency, BudgetAccount, Member, Obligation, Role};
use budget::token;

use crate::constants::{ACCOUNT_VERSION, MAX_BATCH_ITEMS, REFERENCE_LEN, SEED_BATCH};
use crate::errors::DisbursementError;
use crate::events::{emit, BatchProposed};
use crate::roles::require_member;
use crate::state::{policy_units, Approvals, BatchItem, BatchRequest, Policy};

/// Arguments of `payment_batch_propose`; the remaining accounts are, per item and in order, its
/// obligation and its payee's token account.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct PaymentBatchProposeArgs {
    /// The agency's next payment sequence (shared with single requests).
    pub sequence: u64,
    /// Amount of each item, 1 to 10 of them.
    pub amounts: Vec<u64>,
    /// Hash of the supporting document (e.g. the payroll register).
    pub document_hash: [u8; 32],
    /// Short reference, printable ASCII zero-padded.
    pub reference: [u8; REFERENCE_LEN],
}

impl PaymentBatchProposeArgs {
    pub fn validate(&self) -> Result<()> {
        require!(
            (1..=MAX_BATCH_ITEMS).contains(&self.amounts.len()),
            DisbursementError::ItemMismatch
        );
        require!(
            self.amounts.iter().all(|a| *a > 0),
            DisbursementError::ZeroAmount
        );
        require!(
            budget::text::is_code(&self.reference),
            DisbursementError::InvalidReference
        );
        Ok(())
    }
}

#[event_cpi]
#[derive(Accounts)]
#[instruction(args: PaymentBatchProposeArgs)]
pub struct PaymentBatchPropose<'info> {
    /// The agency's policy: tiers and the payment sequence.
    #[account(mut, has_one = agency @ DisbursementError::NoPolicy)]
    pub policy: AccountLoader<'info, Policy>,
    /// The agency (budget program); active.
    /// CHECK: `Agency::is_active_account` (owner, type, flag); the accounts that name it against its key.
    #[account(constraint = Agency::is_active_account(&agency)? @ DisbursementError::AgencyInactive)]
    pub agency: UncheckedAccount<'info>,
    /// The requester's membership, with the requester role.
    /// Checked first by the handler (`roles::require_member`).
    pub member: AccountLoader<'info, Member>,
    /// The requester.
    pub requester: Signer<'info>,
    /// The budget account paying every item; the agency's own.
    #[account(has_one = agency @ DisbursementError::AccountOfAnotherAgency)]
    pub budget_account: AccountLoader<'info, BudgetAccount>,
    /// The batch, created here at the sequence's address.
    #[account(
        init,
        payer = payer,
        space = 8 + BatchRequest::INIT_SPACE,
        seeds = [SEED_BATCH, agency.key().as_ref(), &args.sequence.to_le_bytes()],
        bump,
    )]
    pub batch: Box<Account<'info, BatchRequest>>,
    /// Pays the batch's rent (returned to the requester when it closes).
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

/// Propose paying up to 10 payees from one budget account; the tier of the total fixes the approvals.
pub fn handler<'info>(
    ctx: Context<'info, PaymentBatchPropose<'info>>,
    args: PaymentBatchProposeArgs,
) -> Result<()> {
    require_member(
        &ctx.accounts.member,
        &ctx.accounts.agency.key(),
        &ctx.accounts.requester.key(),
        Role::REQUESTER,
    )?;
    require!(
        ctx.remaining_accounts.len() == 2 * args.amounts.len(),
        DisbursementError::ItemMismatch
    );
    let budget_account = ctx.accounts.budget_account.key();
    let (mint, budget_account_generation, decimals) = {
        let account = ctx.accounts.budget_account.load()?;
        (account.mint, account.generation, account.decimals)
    };
    let mut items = [BatchItem::default(); MAX_BATCH_ITEMS];
    let mut total = 0u64;
    for (i, (pair, amount)) in ctx
        .remaining_accounts
        .chunks(2)
        .zip(&args.amounts)
        .enumerate()
    {
        let obligation = AccountLoader::<Obligation>::try_from(&pair[0])?;
        let obligation = obligation.load()?;
        require_keys_eq!(
            obligation.budget_account,
            budget_account,
            DisbursementError::ObligationOfAnotherAccount
        );
        token::require_token_account_of(
            &pair[1],
            &mint,
            &obligation.payee,
            DisbursementError::PayeeMismatch,
        )?;
        require!(
            *amount <= obligation.undisbursed(),
            DisbursementError::ExceedsObligation
        );
        items[i] = BatchItem {
            obligation: pair[0].key(),
            payee_token_account: pair[1].key(),
            amount: *amount,
            obligation_generation: obligation.generation,
            paid: false,
        };
        total = total
            .checked_add(*amount)
            .ok_or(DisbursementError::AmountOverflow)?;
    }
    let mut policy = ctx.accounts.policy.load_mut()?;
    policy.take_sequence(args.sequence)?;
    let policy_total = policy_units(total, decimals)?;
    let requirement = policy.requirement(policy_total);
    let now = Clock::get()?.unix_timestamp;
    let expires_at = policy.expiry(now, i64::MAX);
    policy.invariant()?;
    let batch = &mut ctx.accounts.batch;
    batch.set_inner(BatchRequest {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.batch,
        agency: policy.agency,
        sequence: args.sequence,
        budget_account,
        budget_account_generation,
        requester: ctx.accounts.requester.key(),
        document_hash: args.document_hash,
        reference: args.reference,
        total,
        policy_total,
        decimals,
        required_approvals: requirement.approvals,
        time_lock_seconds: requirement.time_lock_seconds,
        approvals: Approvals::default(),
        proposed_at: now,
        expires_at,
        item_count: args.amounts.len() as u8,
        paid_count: 0,
        items,
    });
    batch.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &BatchProposed {
            batch: batch.key(),
            agency: batch.agency,
            sequence: args.sequence,
            budget_account,
            total,
            item_count: batch.item_count,
            required_approvals: requirement.approvals,
            time_lock_seconds: requirement.time_lock_seconds,
            document_hash: args.document_hash,
            reference: args.reference,
            expires_at,
            requester: batch.requester,
        },
    )?;
    Ok(())
}
