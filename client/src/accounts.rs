//! Typed reads of fisc's accounts: one account by address, every account of a type, and the common
//! listings (an agency's members, a budget account's obligations, an agency's open payment requests).

use anchor_lang::{AccountDeserialize, Discriminator};
use anyhow::{anyhow, Result};
use solana_account_decoder_client_types::UiAccountEncoding;
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client_api::config::{RpcAccountInfoConfig, RpcProgramAccountsConfig};
use solana_rpc_client_api::filter::{Memcmp, RpcFilterType};

use crate::ix::budget::BudgetAccountRef;
use crate::submit::Client;
use crate::Pubkey;

/// An account of one of fisc's programs at the client's commitment, if it exists.
pub fn fetch<T: AccountDeserialize>(client: &Client, address: &Pubkey) -> Result<Option<T>> {
    fetch_at(client, address, client.config.commitment)
}

/// An account at a chosen commitment (`processed` for values a transaction built now will meet,
/// such as an agency's next payment sequence).
pub fn fetch_at<T: AccountDeserialize>(
    client: &Client,
    address: &Pubkey,
    commitment: CommitmentConfig,
) -> Result<Option<T>> {
    let account = client
        .with_retries(|rpc| rpc.get_account_with_commitment(address, commitment))?
        .value;
    account
        .map(|a| T::try_deserialize(&mut a.data.as_slice()).map_err(|e| anyhow!("{address}: {e}")))
        .transpose()
}

/// Every account of type `T` owned by `program` (selected on chain by the type's discriminator).
pub fn list<T: AccountDeserialize + Discriminator>(
    client: &Client,
    program: &Pubkey,
) -> Result<Vec<(Pubkey, T)>> {
    let config = RpcProgramAccountsConfig {
        filters: Some(vec![RpcFilterType::Memcmp(Memcmp::new_raw_bytes(
            0,
            T::DISCRIMINATOR.to_vec(),
        ))]),
        account_config: RpcAccountInfoConfig {
            encoding: Some(UiAccountEncoding::Base64),
            commitment: Some(client.config.commitment),
            ..Default::default()
        },
        ..Default::default()
    };
    let accounts = client
        .with_retries(|rpc| rpc.get_program_ui_accounts_with_config(program, config.clone()))?;
    accounts
        .into_iter()
        .map(|(address, account)| {
            let data = account
                .data
                .decode()
                .ok_or_else(|| anyhow!("{address}: undecodable account data"))?;
            let value =
                T::try_deserialize(&mut data.as_slice()).map_err(|e| anyhow!("{address}: {e}"))?;
            Ok((address, value))
        })
        .collect()
}

/// A budget account with what instructions need to name it (its mint's token program), if it exists.
pub fn budget_account(
    client: &Client,
    address: &Pubkey,
) -> Result<Option<(BudgetAccountRef, budget::state::BudgetAccount)>> {
    let Some(state) = fetch::<budget::state::BudgetAccount>(client, address)? else {
        return Ok(None);
    };
    let token_program = client
        .with_retries(|rpc| rpc.get_account(&state.mint))?
        .owner;
    let reference = BudgetAccountRef {
        agency: state.agency,
        tas: state.tas,
        mint: state.mint,
        token_program,
        vault: state.vault,
    };
    Ok(Some((reference, state)))
}

/// The members of an agency, by member key.
pub fn members(client: &Client, agency: &Pubkey) -> Result<Vec<(Pubkey, budget::state::Member)>> {
    let mut members: Vec<_> = list::<budget::state::Member>(client, &budget::ID)?
        .into_iter()
        .filter(|(_, m)| &m.agency == agency)
        .collect();
    members.sort_by_key(|(_, m)| m.member);
    Ok(members)
}

/// The obligations of a budget account, by award id.
pub fn obligations(
    client: &Client,
    budget_account: &Pubkey,
) -> Result<Vec<(Pubkey, budget::state::Obligation)>> {
    let mut obligations: Vec<_> = list::<budget::state::Obligation>(client, &budget::ID)?
        .into_iter()
        .filter(|(_, o)| &o.budget_account == budget_account)
        .collect();
    obligations.sort_by_key(|(_, o)| o.award_id);
    Ok(obligations)
}

/// An agency's open payment requests, by sequence (finished requests are closed; the indexer keeps them).
pub fn open_requests(
    client: &Client,
    agency: &Pubkey,
) -> Result<Vec<(Pubkey, disbursement::state::PaymentRequest)>> {
    let mut requests: Vec<_> =
        list::<disbursement::state::PaymentRequest>(client, &disbursement::ID)?
            .into_iter()
            .filter(|(_, r)| &r.agency == agency)
            .collect();
    requests.sort_by_key(|(_, r)| r.sequence);
    Ok(requests)
}

/// An agency's open batches, by sequence.
pub fn open_batches(
    client: &Client,
    agency: &Pubkey,
) -> Result<Vec<(Pubkey, disbursement::state::BatchRequest)>> {
    let mut batches: Vec<_> = list::<disbursement::state::BatchRequest>(client, &disbursement::ID)?
        .into_iter()
        .filter(|(_, b)| &b.agency == agency)
        .collect();
    batches.sort_by_key(|(_, b)| b.sequence);
    Ok(batches)
}

/// The instructions that void every approval `approver` holds on an open request or batch of
/// `agency` (`payment_approval_void`, `payment_batch_approval_void`), sent by `voided_by`; they
/// succeed once `approver` no longer holds the approver role.
pub fn approval_voids(
    client: &Client,
    agency: &Pubkey,
    approver: &Pubkey,
    voided_by: &Pubkey,
) -> Result<Vec<crate::Instruction>> {
    use crate::ix::disbursement as dix;
    let held = |approvers: &[Pubkey], count: u8| approvers[..usize::from(count)].contains(approver);
    let mut voids: Vec<_> = open_requests(client, agency)?
        .into_iter()
        .filter(|(_, r)| held(&r.approvers, r.approval_count))
        .map(|(address, _)| dix::payment_approval_void(*agency, *approver, address, *voided_by))
        .collect();
    voids.extend(
        open_batches(client, agency)?
            .into_iter()
            .filter(|(_, b)| held(&b.approvals.approvers, b.approvals.count))
            .map(|(address, _)| {
                dix::payment_batch_approval_void(*agency, *approver, address, *voided_by)
            }),
    );
    Ok(voids)
}
