//! Batches: up to 10 payees from one budget account under one approval set, paid over as few
//! transactions as the 1,232-byte limit allows, each payee exactly once.
#![allow(clippy::result_large_err)] // LiteSVM's failure, returned as-is (see fisc_tests)

use anchor_lang::error::ErrorCode;
use disbursement::errors::DisbursementError;
use disbursement::events::{BatchCompleted, BatchItemPaid, PaymentCancelled};
use fisc_client::ix::budget as bix;
use fisc_client::ix::disbursement::{self as dix, BatchPayee};
use fisc_tests::fixtures::{award, Payments};
use fisc_tests::{assert_error, padded, substituted, Sent};
use solana_compute_budget_interface::ComputeBudgetInstruction;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// Most bytes a transaction may have.
const PACKET: usize = 1_232;

/// Ten obligations (AWARD-0..9 to payee-0..9) and the batch's payees, `amount` each.
fn ten_payees(p: &mut Payments, amount: u64) -> Vec<BatchPayee> {
    (0..10)
        .map(|i| {
            p.w.obligate(&format!("AWARD-{i}"), &format!("payee-{i}"), 1_000_000);
            BatchPayee {
                obligation: p.w.account.obligation(&award(&format!("AWARD-{i}"))),
                payee_token_account: p.w.payee_tokens(&format!("payee-{i}")),
                amount,
            }
        })
        .collect()
}

fn propose(
    p: &mut Payments,
    payees: &[BatchPayee],
) -> Result<anchor_lang::prelude::Pubkey, litesvm::types::FailedTransactionMetadata> {
    let sequence = p.policy().next_sequence;
    let requester = p.requester.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    let ix = dix::payment_batch_propose(
        payer,
        requester.pubkey(),
        &p.w.account,
        sequence,
        payees,
        [5; 32],
        padded("PAYROLL-2026-11"),
    );
    p.w.send(ix, &requester)?;
    Ok(disbursement::pda::batch(&p.w.agency, sequence))
}

fn approve(
    p: &mut Payments,
    batch: &anchor_lang::prelude::Pubkey,
    n: usize,
) -> Result<Sent, litesvm::types::FailedTransactionMetadata> {
    let approver = p.approvers[n].insecure_clone();
    p.w.send(
        dix::payment_batch_approve(p.w.agency, approver.pubkey(), *batch),
        &approver,
    )
}

/// `payment_batch_execute` of `items` (from `start`) of `batch` by the disbursing officer.
fn execute_ix(
    p: &Payments,
    batch: anchor_lang::prelude::Pubkey,
    start: u8,
    items: &[BatchPayee],
) -> fisc_client::Instruction {
    dix::payment_batch_execute(
        &p.w.account,
        p.disbursing_officer.pubkey(),
        true,
        batch,
        p.requester.pubkey(),
        start,
        items,
    )
}

/// Size of a transaction of `ixs` paid by the payer and signed by `signer`.
fn size(p: &Payments, ixs: &[fisc_client::Instruction], signer: &Keypair) -> usize {
    let payer = p.w.h.payer.insecure_clone();
    let message = solana_message::Message::new(ixs, Some(&payer.pubkey()));
    let tx = solana_transaction::Transaction::new(
        &[&payer, signer],
        message,
        p.w.h.svm.latest_blockhash(),
    );
    bincode::serialize(&tx).unwrap().len()
}

/// Execute every item in as few transactions as fit; the sent transactions.
pub fn execute_all(
    p: &mut Payments,
    batch: &anchor_lang::prelude::Pubkey,
    payees: &[BatchPayee],
) -> Vec<Sent> {
    let officer = p.disbursing_officer.insecure_clone();
    let requester = p.requester.pubkey();
    let mut sent = vec![];
    let mut start = 0;
    while start < payees.len() {
        let mut n = (payees.len() - start).min(disbursement::constants::MAX_ITEMS_PER_EXECUTE);
        let ixs = loop {
            let ixs = [
                ComputeBudgetInstruction::set_compute_unit_limit(400_000),
                dix::payment_batch_execute(
                    &p.w.account,
                    officer.pubkey(),
                    true,
                    *batch,
                    requester,
                    start as u8,
                    &payees[start..start + n],
                ),
            ];
            if size(p, &ixs, &officer) <= PACKET {
                break ixs;
            }
            n -= 1;
        };
        let result = p.w.h.send(&ixs, &[&officer]);
        sent.push(result.unwrap_or_else(|e| panic!("{:?}\n{}", e.err, e.meta.pretty_logs())));
        start += n;
    }
    sent
}

#[test]
fn ten_payees_are_paid_exactly_once() {
    let mut p = Payments::new();
    let payees = ten_payees(&mut p, 900);
    let batch = propose(&mut p, &payees).unwrap();
    assert_eq!(
        p.policy().next_sequence,
        1,
        "a batch takes the agency's sequence like a single request"
    );
    let state: disbursement::state::BatchRequest = p.w.h.account(&batch);
    assert_eq!(
        (state.item_count, state.total, state.required_approvals),
        (10, 9_000, 1)
    );
    approve(&mut p, &batch, 0).unwrap();

    let sent = execute_all(&mut p, &batch, &payees);
    assert_eq!(
        sent.len(),
        3,
        "ten payees take three transactions of at most four"
    );
    let paid: Vec<BatchItemPaid> = sent
        .iter()
        .flat_map(|s| s.events::<BatchItemPaid>(&disbursement::ID))
        .collect();
    assert_eq!(
        paid.iter().map(|e| e.index).collect::<Vec<_>>(),
        (0..10).collect::<Vec<u8>>()
    );
    assert_eq!(
        sent.last()
            .unwrap()
            .event::<BatchCompleted>(&disbursement::ID)
            .total,
        9_000
    );
    for i in 0..10 {
        let to = p.w.payee_tokens(&format!("payee-{i}"));
        assert_eq!(p.w.h.token_balance(&to), 900, "payee {i}");
        assert_eq!(p.w.obligation(&format!("AWARD-{i}")).disbursed, 900);
    }
    assert!(p.w.h.data(&batch).is_none(), "a paid batch is closed");
    assert_eq!(p.policy().period_spent, 9_000);
    p.w.assert_books_balance();
}

/// An officer of another agency, holding every payment role there, can neither approve, reject,
/// execute nor cancel this agency's batch.
#[test]
fn another_agencys_officers_touch_no_batch() {
    let mut p = Payments::new();
    let payees = ten_payees(&mut p, 20_000);
    let batch = propose(&mut p, &payees[..3]).unwrap();
    approve(&mut p, &batch, 0).unwrap();
    let other = p.other_agency();
    let outsider = other.officer.insecure_clone();
    let agency = p.w.agency;
    let requester = p.requester.pubkey();
    let theirs = budget::pda::member(&other.agency, &outsider.pubkey());
    let ours = budget::pda::member(&agency, &outsider.pubkey());

    // Naming their own agency: not the batch's.
    assert_error(
        p.w.send(
            dix::payment_batch_approve(other.agency, outsider.pubkey(), batch),
            &outsider,
        ),
        DisbursementError::RequestMismatch,
    );
    // Naming ours, with their membership.
    let ix = substituted(
        dix::payment_batch_approve(agency, outsider.pubkey(), batch),
        &ours,
        &theirs,
    );
    assert_error(p.w.send(ix, &outsider), DisbursementError::NotAMember);
    // A rejection (an approver's cancel) under their agency, or ours with their membership.
    let reject = dix::payment_batch_cancel(other.agency, outsider.pubkey(), true, batch, requester);
    assert_error(
        p.w.send(reject.clone(), &outsider),
        DisbursementError::RequestMismatch,
    );
    let reject = substituted(reject, &other.agency, &agency);
    assert_error(p.w.send(reject, &outsider), DisbursementError::NotAMember);
    let admin = other.admin.insecure_clone();
    assert_error(
        p.w.send(
            dix::payment_batch_cancel(agency, admin.pubkey(), false, batch, requester),
            &admin,
        ),
        DisbursementError::NotRequesterOrAdmin,
    );
    approve(&mut p, &batch, 1).unwrap();
    let execute = dix::payment_batch_execute(
        &p.w.account,
        outsider.pubkey(),
        true,
        batch,
        requester,
        0,
        &payees[..1],
    );
    assert_error(
        p.w.send(execute.clone(), &outsider),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    assert_error(
        p.w.send(substituted(execute, &ours, &theirs), &outsider),
        DisbursementError::NotAMember,
    );
    let state = p.w.h.account::<disbursement::state::BatchRequest>(&batch);
    assert_eq!((state.approvals.count, state.paid_count), (2, 0));
    assert_eq!(p.w.obligation("AWARD-0").disbursed, 0);
}

#[test]
fn batch_attacks() {
    let mut p = Payments::new();
    let payees = ten_payees(&mut p, 20_000);
    let batch = propose(&mut p, &payees[..3]).unwrap();
    // The total (60,000) falls in the 2-approval tier.
    assert_eq!(
        p.w.h
            .account::<disbursement::state::BatchRequest>(&batch)
            .required_approvals,
        2
    );
    let officer = p.disbursing_officer.insecure_clone();
    let requester = p.requester.pubkey();
    let exec = |p: &Payments, start: u8, items: &[BatchPayee]| execute_ix(p, batch, start, items);

    approve(&mut p, &batch, 0).unwrap();
    assert_error(
        approve(&mut p, &batch, 0),
        DisbursementError::AlreadyApproved,
    );
    assert_error(
        p.w.send(exec(&p, 0, &payees[..3]), &officer),
        DisbursementError::NotEnoughApprovals,
    );
    approve(&mut p, &batch, 1).unwrap();
    // Items out of order, or a payee that is not the item's.
    assert_error(
        p.w.send(exec(&p, 1, &payees[..1]), &officer),
        DisbursementError::ItemMismatch,
    );
    let swapped = [BatchPayee {
        payee_token_account: payees[1].payee_token_account,
        ..payees[0]
    }];
    assert_error(
        p.w.send(exec(&p, 0, &swapped), &officer),
        DisbursementError::ItemMismatch,
    );
    assert_error(
        p.w.send(exec(&p, 2, &payees[2..4]), &officer),
        DisbursementError::ItemMismatch,
    );
    assert_error(
        p.w.send(exec(&p, 0, &payees[..5]), &officer),
        DisbursementError::ItemMismatch,
    );
    // Pay the first item; paying it again fails; an approver can no longer reject the batch.
    p.w.send(exec(&p, 0, &payees[..1]), &officer).unwrap();
    assert_error(
        p.w.send(exec(&p, 0, &payees[..1]), &officer),
        DisbursementError::ItemAlreadyPaid,
    );
    let approver = p.approvers[1].insecure_clone();
    assert_error(
        p.w.send(
            dix::payment_batch_cancel(p.w.agency, approver.pubkey(), true, batch, requester),
            &approver,
        ),
        DisbursementError::BatchStarted,
    );
    p.w.send(exec(&p, 1, &payees[1..3]), &officer).unwrap();
    assert!(p.w.h.data(&batch).is_none());
    assert_error(
        p.w.send(exec(&p, 0, &payees[..1]), &officer),
        ErrorCode::AccountNotInitialized,
    );
    assert_eq!(p.w.obligation("AWARD-0").disbursed, 20_000);

    // Proposal attacks: an obligation of another budget account; a payee account that is not the payee's.
    let budget_officer = p.w.officer.insecure_clone();
    let other = p.w.account_ref("075-2026/2026-0999-000");
    p.w.open(&budget_officer, &other, 2026, 2026, 1_000)
        .unwrap();
    let payer = p.w.h.payer.pubkey();
    let args = p.w.obligation_args("AWARD-X", "payee-0", 10);
    p.w.send(
        bix::obligation_create(payer, budget_officer.pubkey(), &other, args),
        &budget_officer,
    )
    .unwrap();
    let foreign = [BatchPayee {
        obligation: other.obligation(&award("AWARD-X")),
        ..payees[0]
    }];
    assert_error(
        propose(&mut p, &foreign),
        DisbursementError::ObligationOfAnotherAccount,
    );
    let stolen = [BatchPayee {
        payee_token_account: payees[1].payee_token_account,
        ..payees[0]
    }];
    assert_error(propose(&mut p, &stolen), DisbursementError::PayeeMismatch);
    let too_much = [BatchPayee {
        amount: 2_000_000,
        ..payees[4]
    }];
    assert_error(
        propose(&mut p, &too_much),
        DisbursementError::ExceedsObligation,
    );

    // Rejected by an approver before paying: closed.
    let batch = propose(&mut p, &payees[5..7]).unwrap();
    let approver = p.approvers[2].insecure_clone();
    p.w.send(
        dix::payment_batch_cancel(p.w.agency, approver.pubkey(), true, batch, requester),
        &approver,
    )
    .unwrap();
    assert!(p.w.h.data(&batch).is_none());
}

/// A batch one of whose payees cannot be paid: its requester cancels the unpaid remainder, what was
/// paid stays paid once, and nothing of the batch is paid again (before: the cancel was refused and the
/// rest stranded).
#[test]
fn the_unpaid_remainder_of_a_batch_is_cancelled_and_nothing_is_paid_twice() {
    let mut p = Payments::new();
    let payees = ten_payees(&mut p, 2_000);
    let batch = propose(&mut p, &payees[..3]).unwrap();
    approve(&mut p, &batch, 0).unwrap();
    let officer = p.disbursing_officer.insecure_clone();
    let requester = p.requester.pubkey();
    let exec = |p: &Payments, start: u8, items: &[BatchPayee]| execute_ix(p, batch, start, items);
    p.w.send(exec(&p, 0, &payees[..1]), &officer).unwrap();
    let paid = p.w.h.token_balance(&payees[0].payee_token_account);
    assert_eq!(paid, 2_000);

    let me = p.requester.insecure_clone();
    let sent =
        p.w.send(
            dix::payment_batch_cancel(p.w.agency, me.pubkey(), false, batch, requester),
            &me,
        )
        .unwrap();
    assert_eq!(
        sent.event::<PaymentCancelled>(&disbursement::ID)
            .cancelled_by,
        me.pubkey()
    );
    assert!(p.w.h.data(&batch).is_none(), "the batch is closed");
    // Nothing of it pays again: neither the remainder nor the item already paid.
    assert_error(
        p.w.send(exec(&p, 1, &payees[1..3]), &officer),
        ErrorCode::AccountNotInitialized,
    );
    assert_error(
        p.w.send(exec(&p, 0, &payees[..1]), &officer),
        ErrorCode::AccountNotInitialized,
    );
    assert_eq!(p.w.h.token_balance(&payees[0].payee_token_account), paid);
    assert_eq!(p.w.h.token_balance(&payees[1].payee_token_account), 0);
    assert_eq!(p.w.obligation("AWARD-0").disbursed, 2_000);
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 0);
    p.w.assert_books_balance();
}

/// A revoked approver's batch approval is voided, and the unpaid items wait for another approver.
#[test]
fn a_revoked_approvers_batch_approval_is_voided_and_the_rest_waits() {
    let mut p = Payments::new();
    let payees = ten_payees(&mut p, 2_000);
    let batch = propose(&mut p, &payees[..3]).unwrap();
    approve(&mut p, &batch, 0).unwrap();
    let officer = p.disbursing_officer.insecure_clone();
    let exec = |p: &Payments, start: u8, items: &[BatchPayee]| execute_ix(p, batch, start, items);
    p.w.send(exec(&p, 0, &payees[..1]), &officer).unwrap();

    let first = p.approvers[0].pubkey();
    let stranger = p.w.h.signer("stranger");
    let void = dix::payment_batch_approval_void(p.w.agency, first, batch, stranger.pubkey());
    assert_error(
        p.w.send(void.clone(), &stranger),
        DisbursementError::ApproverStillHoldsRole,
    );
    let admin = p.w.admin.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    p.w.send(
        bix::member_roles_set(payer, p.w.agency, admin.pubkey(), first, 0),
        &admin,
    )
    .unwrap();
    let sent = p.w.send(void.clone(), &stranger).unwrap();
    let e = sent.event::<disbursement::events::ApprovalVoided>(&disbursement::ID);
    assert_eq!((e.request, e.approver, e.approval_count), (batch, first, 0));
    assert_error(p.w.send(void, &stranger), DisbursementError::NoSuchApproval);
    // Before: the rest was paid on the revoked approver's word.
    assert_error(
        p.w.send(exec(&p, 1, &payees[1..3]), &officer),
        DisbursementError::NotEnoughApprovals,
    );
    assert_eq!(p.w.h.token_balance(&payees[1].payee_token_account), 0);
    approve(&mut p, &batch, 1).unwrap();
    p.w.send(exec(&p, 1, &payees[1..3]), &officer).unwrap();
    assert_eq!(p.w.h.token_balance(&payees[0].payee_token_account), 2_000);
    assert_eq!(p.w.h.token_balance(&payees[2].payee_token_account), 2_000);
    p.w.assert_books_balance();
}
