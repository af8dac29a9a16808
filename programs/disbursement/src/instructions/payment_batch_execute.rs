use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use budget::cpi::accounts::OutlayExecute;
use budget::program::Budget;
use budget::state::{Agency, Member};

use crate::constants::{AUTHORITY_AND_BUMP, MAX_ITEMS_PER_EXECUTE, SEED_AUTHORITY};
use crate::errors::DisbursementError;
use crate::events::{emit, BatchCompleted, BatchItemPaid};
use crate::roles::obligation_paid_recently;
use crate::state::{policy_units, BatchRequest, Policy};

#[event_cpi]
#[derive(Accounts)]
pub struct PaymentBatchExecute<'info> {
    /// The agency's policy: the executor rule, the spending limit, a stricter current tier.
    #[account(mut, has_one = agency @ DisbursementError::NoPolicy)]
    pub policy: AccountLoader<'info, Policy>,
    /// The agency (budget program); active.
    /// CHECK: `Agency::is_active_account` (owner, type, flag); the accounts that name it against its key.
    #[account(constraint = Agency::is_active_account(&agency)? @ DisbursementError::AgencyInactive)]
    pub agency: UncheckedAccount<'info>,
    /// The executor's membership with the disbursing officer role; may be omitted when the policy lets
    /// anyone execute.
    pub executor_member: Option<AccountLoader<'info, Member>>,
    /// Who executes.
    pub executor: Signer<'info>,
    /// The batch; closed once every item is paid.
    #[account(
        mut,
        has_one = agency @ DisbursementError::RequestMismatch,
        has_one = requester @ DisbursementError::RequestMismatch,
        has_one = budget_account @ DisbursementError::RequestMismatch,
    )]
    pub batch: Box<Account<'info, BatchRequest>>,
    /// The batch's requester, receiving the rent when it closes.
    /// CHECK: checked by `has_one`.
    #[account(mut)]
    pub requester: UncheckedAccount<'info>,
    /// This program's authority PDA; signs the outlay requests.
    /// CHECK: checked by address.
    #[account(address = AUTHORITY_AND_BUMP.0)]
    pub authority: UncheckedAccount<'info>,
    /// The budget program's treasury.
    /// CHECK: address, pause switch and disbursement authority checked by the budget program.
    pub treasury: UncheckedAccount<'info>,
    /// The budget account paying.
    /// CHECK: the batch's (`has_one`); its data is checked by the budget program.
    #[account(mut)]
    pub budget_account: UncheckedAccount<'info>,
    /// The budget account's vault.
    /// CHECK: checked by the budget program.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// The budget account's mint.
    /// CHECK: checked by the budget program.
    pub mint: UncheckedAccount<'info>,
    /// SPL Token or Token-2022.
    pub token_program: Interface<'info, TokenInterface>,
    /// The budget program's event authority.
    /// CHECK: checked by the budget program.
    pub budget_event_authority: UncheckedAccount<'info>,
    /// The budget program.
    pub budget_program: Program<'info, Budget>,
}

/// Pay the batch's items `start..start + n` (n at most `MAX_ITEMS_PER_EXECUTE`), where the remaining
/// accounts are, per item, its obligation and payee token account (n pairs). Each item is paid once; the batch closes after the last.
pub fn handler<'info>(ctx: Context<'info, PaymentBatchExecute<'info>>, start: u8) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let remaining = ctx.remaining_accounts;
    let accounts = &mut *ctx.accounts;
    let mut policy = accounts.policy.load_mut()?;
    let executor_member = accounts
        .executor_member
        .as_ref()
        .map(|m| m.load())
        .transpose()?;
    policy.require_executor(
        executor_member.as_deref(),
        &accounts.agency.key(),
        &accounts.executor.key(),
    )?;
    policy.require_unexpired(accounts.batch.proposed_at, accounts.batch.expires_at, now)?;
    let required = accounts
        .batch
        .requirement()
        .stricter(policy.requirement(accounts.batch.policy_total));
    accounts.batch.approvals.require_met(required, now)?;
    let count = remaining.len() / 2;
    let first = usize::from(start);
    require!(
        (1..=MAX_ITEMS_PER_EXECUTE).contains(&count)
            && remaining.len().is_multiple_of(2)
            && first + count <= usize::from(accounts.batch.item_count),
        DisbursementError::ItemMismatch
    );
    let seeds: &[&[u8]] = &[SEED_AUTHORITY, &[AUTHORITY_AND_BUMP.1]];
    let batch_key = accounts.batch.key();
    let mut paid = Vec::with_capacity(count);
    for (offset, pair) in remaining.chunks(2).enumerate() {
        let index = first + offset;
        let item = accounts.batch.items[index];
        require!(!item.paid, DisbursementError::ItemAlreadyPaid);
        require!(
            pair[0].key() == item.obligation && pair[1].key() == item.payee_token_account,
            DisbursementError::ItemMismatch
        );
        // Each item also needs the tier of its amount with what its obligation paid lately.
        let recent = obligation_paid_recently(&pair[0], now, policy.period_seconds)?;
        let units = policy_units(item.amount, accounts.batch.decimals)?;
        let item_required =
            required.stricter(policy.split_requirement(units, recent, accounts.batch.decimals)?);
        accounts.batch.approvals.require_met(item_required, now)?;
        policy.record_spending(units, now)?;
        budget::cpi::outlay_execute(
            CpiContext::new_with_signer(
                accounts.budget_program.key(),
                OutlayExecute {
                    treasury: accounts.treasury.to_account_info(),
                    disbursement_authority: accounts.authority.to_account_info(),
                    budget_account: accounts.budget_account.to_account_info(),
                    obligation: pair[0].clone(),
                    vault: accounts.vault.to_account_info(),
                    mint: accounts.mint.to_account_info(),
                    payee_token_account: pair[1].clone(),
                    token_program: accounts.token_program.to_account_info(),
                    event_authority: accounts.budget_event_authority.to_account_info(),
                    program: accounts.budget_program.to_account_info(),
                },
                &[seeds],
            ),
            budget::OutlayExecuteArgs {
                amount: item.amount,
                reference: batch_key,
                budget_account_generation: accounts.batch.budget_account_generation,
                obligation_generation: item.obligation_generation,
                window_seconds: policy.period_seconds,
            },
        )?;
        accounts.batch.items[index].paid = true;
        accounts.batch.paid_count = accounts
            .batch
            .paid_count
            .checked_add(1)
            .ok_or(DisbursementError::AmountOverflow)?;
        paid.push(BatchItemPaid {
            batch: batch_key,
            agency: accounts.batch.agency,
            sequence: accounts.batch.sequence,
            index: index as u8,
            obligation: item.obligation,
            payee_token_account: item.payee_token_account,
            amount: item.amount,
            executor: accounts.executor.key(),
        });
    }
    policy.invariant()?;
    drop(policy);
    drop(executor_member);
    accounts.batch.invariant()?;
    let completed =
        (accounts.batch.paid_count == accounts.batch.item_count).then(|| BatchCompleted {
            batch: batch_key,
            agency: accounts.batch.agency,
            sequence: accounts.batch.sequence,
            total: accounts.batch.total,
        });
    if completed.is_some() {
        accounts.batch.close(accounts.requester.to_account_info())?;
    }
    for event in paid {
        emit(&ctx.accounts.event_authority, &event)?;
    }
    if let Some(event) = completed {
        emit(&ctx.accounts.event_authority, &event)?;
    }
    Ok(())
}
