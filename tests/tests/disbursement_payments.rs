//! Payment requests end to end: propose, approve, reject, cancel, execute through the budget program.

use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use budget::errors::BudgetError;
use budget::events::OutlayMade;
use budget::state::Role;
use disbursement::errors::DisbursementError;
use disbursement::events::{
    ApprovalVoided, PaymentApproved, PaymentCancelled, PaymentExecuted, PaymentRejected,
};
use fisc_client::ix::budget as bix;
use fisc_client::ix::disbursement as dix;
use fisc_tests::fixtures::{default_policy, Payments, MARCH_2026};
use fisc_tests::token::TOKEN_2022;
use fisc_tests::{address, assert_error, assert_error_logged, substituted, unsigned};
use solana_signer::Signer;

#[test]
fn a_payment_goes_through() {
    for token_program in [fisc_tests::token::SPL_TOKEN, TOKEN_2022] {
        let mut p = Payments::with(&token_program, default_policy());
        p.w.obligate("AWARD-1", "payee-a", 50_000);
        let request = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
        let r = p.request(&request);
        assert_eq!(
            (r.amount, r.required_approvals, r.sequence, r.requester),
            (5_000, 1, 0, p.requester.pubkey())
        );
        assert_eq!(p.policy().next_sequence, 1);

        let sent = p.approve(&request, 0).unwrap();
        let approved: PaymentApproved = sent.event(&disbursement::ID);
        assert_eq!(
            (
                approved.approver,
                approved.approval_count,
                approved.required_approvals
            ),
            (p.approvers[0].pubkey(), 1, 1)
        );

        let sent = p.execute(&request).unwrap();
        let executed: PaymentExecuted = sent.event(&disbursement::ID);
        assert_eq!(
            (executed.amount, executed.sequence, executed.executor),
            (5_000, 0, p.disbursing_officer.pubkey())
        );
        let outlay: OutlayMade = sent.event(&budget::ID);
        assert_eq!(
            (outlay.amount, outlay.reference, outlay.payee),
            (5_000, request, address("payee-a"))
        );

        let to = p.w.payee_tokens("payee-a");
        assert_eq!(p.w.h.token_balance(&to), 5_000);
        assert_eq!(p.w.obligation("AWARD-1").disbursed, 5_000);
        assert!(
            p.w.h.data(&request).is_none(),
            "a finished request is closed"
        );
        assert_eq!(p.policy().period_spent, 5_000);
        p.w.assert_books_balance();
    }
}

/// The programs' entrypoint (`budget::entrypoint`) gives Anchor one account for a key that fills two
/// of an instruction's slots: a requester who pays the request's rent is both payer and requester.
#[test]
fn a_key_in_two_account_slots_is_one_account() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 100_000);
    let requester = p.requester.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    let ix = p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 5_000, 0);
    let ix = substituted(ix, &payer, &requester.pubkey());
    assert_eq!(
        ix.accounts
            .iter()
            .filter(|m| m.pubkey == requester.pubkey())
            .count(),
        2
    );
    let before = p.w.h.svm.get_balance(&requester.pubkey()).unwrap();
    p.w.h.send_ok(&[ix], &[&requester]);
    let request = disbursement::pda::request(&p.w.agency, 0);
    let rent = p.w.h.svm.get_balance(&request).unwrap();
    assert!(rent > 0);
    assert_eq!(
        p.w.h.svm.get_balance(&requester.pubkey()).unwrap(),
        before - rent
    );
    assert_eq!(p.request(&request).requester, requester.pubkey());
}

/// `budget::entrypoint` lets a program's own event (the event tag, its event authority signed)
/// succeed without Anchor; nobody else can send one: unsigned or under another key, an event goes to
/// Anchor, which refuses it.
#[test]
fn only_the_program_itself_can_emit_its_events() {
    let mut h = fisc_tests::Harness::new();
    let stranger = h.signer("stranger");
    let programs = [
        (budget::ID, budget::pda::event_authority()),
        (disbursement::ID, disbursement::pda::event_authority()),
        (titles::ID, titles::pda::event_authority()),
    ];
    for (program_id, authority) in programs {
        let mut data = anchor_lang::event::EVENT_IX_TAG_LE.to_vec();
        data.extend_from_slice(&[7; 40]);
        let forged = |account: AccountMeta| Instruction {
            program_id,
            accounts: vec![account],
            data: data.clone(),
        };
        assert_error(
            h.send(&[forged(AccountMeta::new_readonly(authority, false))], &[]),
            ErrorCode::ConstraintSigner,
        );
        assert_error(
            h.send(
                &[forged(AccountMeta::new_readonly(stranger.pubkey(), true))],
                &[&stranger],
            ),
            ErrorCode::ConstraintSeeds,
        );
    }
}

#[test]
fn tiers_require_distinct_approvers_who_are_not_the_requester() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 500_000);
    let request = p.propose("AWARD-1", "payee-a", 50_000).unwrap();
    assert_eq!(p.request(&request).required_approvals, 2);
    p.approve(&request, 0).unwrap();
    assert_error_logged(
        p.execute(&request),
        DisbursementError::NotEnoughApprovals,
        "payment needs 2 approvals, has 1",
    );
    // The same approver twice counts once.
    assert_error(p.approve(&request, 0), DisbursementError::AlreadyApproved);
    // The requester, even holding the approver role, cannot approve.
    let admin = p.w.admin.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    let requester = p.requester.insecure_clone();
    let grant = bix::member_roles_set(
        payer,
        p.w.agency,
        admin.pubkey(),
        requester.pubkey(),
        Role::REQUESTER | Role::APPROVER,
    );
    p.w.send(grant, &admin).unwrap();
    let ix = dix::payment_approve(p.w.agency, requester.pubkey(), request);
    assert_error(
        p.w.send(ix, &requester),
        DisbursementError::RequesterCannotApprove,
    );
    // A member without the approver role; a stranger; a missing signature.
    let officer = p.disbursing_officer.insecure_clone();
    assert_error(
        p.w.send(
            dix::payment_approve(p.w.agency, officer.pubkey(), request),
            &officer,
        ),
        DisbursementError::MissingRole,
    );
    let stranger = p.w.h.signer("stranger");
    // No membership: the (zero-copy) member account is empty, owned by the system program.
    assert_error(
        p.w.send(
            dix::payment_approve(p.w.agency, stranger.pubkey(), request),
            &stranger,
        ),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    let second = p.approvers[1].insecure_clone();
    let ix = unsigned(
        dix::payment_approve(p.w.agency, second.pubkey(), request),
        &second.pubkey(),
    );
    assert_error(p.w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    // A third approval when two are enough is recorded; a fourth approver finds no slot.
    p.approve(&request, 1).unwrap();
    p.approve(&request, 2).unwrap();
    assert_eq!(p.request(&request).approval_count, 3);
    let fourth = p.w.h.signer("approver-4");
    let grant = bix::member_roles_set(
        payer,
        p.w.agency,
        admin.pubkey(),
        fourth.pubkey(),
        Role::APPROVER,
    );
    p.w.send(grant, &admin).unwrap();
    assert_error(
        p.w.send(
            dix::payment_approve(p.w.agency, fourth.pubkey(), request),
            &fourth,
        ),
        DisbursementError::FullyApproved,
    );
    p.execute(&request).unwrap();
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 50_000);
}

#[test]
fn approval_attacks() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 500_000);
    let request = p.propose("AWARD-1", "payee-a", 50_000).unwrap();
    // An approver of another agency, with its own membership, on this agency's request.
    let other = p.other_agency();
    let outsider = other.officer.insecure_clone();
    assert_error(
        p.w.send(
            dix::payment_approve(other.agency, outsider.pubkey(), request),
            &outsider,
        ),
        DisbursementError::RequestMismatch,
    );
    // ... naming this agency, with its membership there.
    let ix = substituted(
        dix::payment_approve(p.w.agency, outsider.pubkey(), request),
        &budget::pda::member(&p.w.agency, &outsider.pubkey()),
        &budget::pda::member(&other.agency, &outsider.pubkey()),
    );
    assert_error(p.w.send(ix, &outsider), DisbursementError::NotAMember);
    // Another approver's membership under one's own signature.
    let approver = p.approvers[0].insecure_clone();
    let mut ix = dix::payment_approve(p.w.agency, approver.pubkey(), request);
    ix.accounts[0].pubkey = budget::pda::member(&p.w.agency, &p.approvers[1].pubkey());
    assert_error(p.w.send(ix, &approver), DisbursementError::NotAMember);
    // The agency's policy in place of the request.
    let ix = substituted(
        dix::payment_approve(p.w.agency, approver.pubkey(), request),
        &request,
        &disbursement::pda::policy(&p.w.agency),
    );
    assert_error(
        p.w.send(ix, &approver),
        ErrorCode::AccountDiscriminatorMismatch,
    );
    // A request that is not writable.
    let mut ix = dix::payment_approve(p.w.agency, approver.pubkey(), request);
    ix.accounts[2].is_writable = false;
    assert_error(p.w.send(ix, &approver), ErrorCode::ConstraintMut);
    // Nothing of these counted.
    assert_eq!(p.request(&request).approval_count, 0);
    p.approve(&request, 0).unwrap();
    assert_eq!(p.request(&request).approval_count, 1);
}

/// An officer of another agency, holding every payment role there, touches nothing of this
/// agency's: neither with this agency's accounts (no membership in it), nor with the other agency's
/// membership or policy substituted.
#[test]
fn another_agencys_officers_touch_nothing() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 500_000);
    let request = p.propose("AWARD-1", "payee-a", 50_000).unwrap();
    p.approve(&request, 0).unwrap();
    p.approve(&request, 1).unwrap();
    let other = p.other_agency();
    let outsider = other.officer.insecure_clone();
    let agency = p.w.agency;
    let theirs = budget::pda::member(&other.agency, &outsider.pubkey());
    let ours = budget::pda::member(&agency, &outsider.pubkey());
    let their_policy = disbursement::pda::policy(&other.agency);
    let our_policy = disbursement::pda::policy(&agency);
    let requester = p.requester.pubkey();

    // Propose: no membership here; their membership; their agency and policy.
    let sequence = p.policy().next_sequence;
    let ix = p.propose_ix(&outsider.pubkey(), "AWARD-1", "payee-a", 1_000, sequence);
    assert_error(
        p.w.send(ix.clone(), &outsider),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    assert_error(
        p.w.send(substituted(ix.clone(), &ours, &theirs), &outsider),
        DisbursementError::NotAMember,
    );
    let ix = substituted(ix, &ours, &theirs);
    let ix = substituted(ix, &our_policy, &their_policy);
    let ix = substituted(ix, &agency, &other.agency);
    assert_error(
        p.w.send(ix, &outsider),
        DisbursementError::AccountOfAnotherAgency,
    );

    // Reject: their agency against our request; their membership with our agency.
    let ix = dix::payment_reject(other.agency, outsider.pubkey(), request, requester);
    assert_error(
        p.w.send(ix.clone(), &outsider),
        DisbursementError::RequestMismatch,
    );
    let ix = substituted(ix, &other.agency, &agency);
    assert_error(p.w.send(ix, &outsider), DisbursementError::NotAMember);

    // Cancel: their admin, under their agency or ours.
    let admin = other.admin.insecure_clone();
    let ix = dix::payment_cancel(other.agency, admin.pubkey(), request, requester);
    assert_error(p.w.send(ix, &admin), DisbursementError::RequestMismatch);
    let ix = dix::payment_cancel(agency, admin.pubkey(), request, requester);
    assert_error(p.w.send(ix, &admin), DisbursementError::NotRequesterOrAdmin);

    // Execute: no membership here; their membership; their policy.
    let ix = p.execute_ix(&request, &outsider.pubkey(), true);
    assert_error(
        p.w.send(ix.clone(), &outsider),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    assert_error(
        p.w.send(substituted(ix.clone(), &ours, &theirs), &outsider),
        DisbursementError::NotAMember,
    );
    let officer = p.disbursing_officer.insecure_clone();
    let ix = substituted(
        p.execute_ix(&request, &officer.pubkey(), true),
        &our_policy,
        &their_policy,
    );
    assert_error(p.w.send(ix, &officer), DisbursementError::NoPolicy);

    // Nothing moved; the request still goes through for its own agency.
    assert_eq!(p.request(&request).approval_count, 2);
    assert_eq!(p.policy().next_sequence, sequence);
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 0);
    p.execute(&request).unwrap();
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 50_000);
}

#[test]
fn the_time_lock_runs_from_the_approval_that_met_the_tier() {
    let mut policy = default_policy();
    policy.tiers[1].time_lock_seconds = 3_600;
    let mut p = Payments::with(&fisc_tests::token::SPL_TOKEN, policy);
    p.w.obligate("AWARD-1", "payee-a", 1_000_000);
    let request = p.propose("AWARD-1", "payee-a", 50_000).unwrap();
    p.approve(&request, 0).unwrap();
    p.w.h.set_time(MARCH_2026 + 100);
    p.approve(&request, 1).unwrap();
    // A third approval, not needed, later: it does not restart the lock.
    p.w.h.set_time(MARCH_2026 + 3_000);
    p.approve(&request, 2).unwrap();
    p.w.h.set_time(MARCH_2026 + 100 + 3_600 - 1);
    assert_error_logged(
        p.execute(&request),
        DisbursementError::TimeLocked,
        "payment is time-locked for 1 more seconds",
    );
    p.w.h.set_time(MARCH_2026 + 100 + 3_600);
    p.execute(&request).unwrap();
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 50_000);
}

#[test]
fn large_payments_wait_for_their_time_lock() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 5_000_000);
    let request = p.propose("AWARD-1", "payee-a", 2_000_000).unwrap();
    for n in 0..3 {
        p.approve(&request, n).unwrap();
    }
    assert_error_logged(
        p.execute(&request),
        DisbursementError::TimeLocked,
        "payment is time-locked for 172800 more seconds",
    );
    p.w.h.set_time(MARCH_2026 + 48 * 3_600 - 1);
    assert_error(p.execute(&request), DisbursementError::TimeLocked);
    p.w.h.set_time(MARCH_2026 + 48 * 3_600);
    p.execute(&request).unwrap();
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 2_000_000);
}

/// The limit is rolling: no span of one period pays more than it, across the boundary of a fixed
/// period too. It counts the current quarter-period slice and the four before it.
#[test]
fn the_period_limit_rolls() {
    const HOUR: i64 = 3_600;
    let mut policy = default_policy();
    policy.period_limit = 15_000;
    policy.period_seconds = 86_400;
    let mut p = Payments::with(&fisc_tests::token::SPL_TOKEN, policy);
    p.w.obligate("AWARD-1", "payee-a", 100_000);
    let first = p.propose("AWARD-1", "payee-a", 10_000).unwrap();
    let second = p.propose("AWARD-1", "payee-a", 6_000).unwrap();
    p.approve(&first, 0).unwrap();
    // Two approvals: with the first payment, this obligation's 16,000 is the two-approval tier.
    p.approve(&second, 0).unwrap();
    p.approve(&second, 1).unwrap();
    p.w.h.set_time(MARCH_2026 + 20 * HOUR);
    p.execute(&first).unwrap();
    assert_error_logged(
        p.execute(&second),
        DisbursementError::PeriodLimitExceeded,
        "period limit 15000, spent 10000, payment 6000",
    );
    // Before: a new day began at 24 hours and paid again at once, 16,000 within five hours.
    for hours in [24, 44] {
        p.w.h.set_time(MARCH_2026 + hours * HOUR + 1);
        assert_error(p.execute(&second), DisbursementError::PeriodLimitExceeded);
    }
    // The 20-hour slice leaves the window at 48 hours: 28 hours after the first payment.
    p.w.h.set_time(MARCH_2026 + 48 * HOUR);
    p.execute(&second).unwrap();
    let policy = p.policy();
    assert_eq!(
        (
            policy.period_spent,
            policy.period_start,
            policy.slice_spent[0]
        ),
        (6_000, MARCH_2026 + 48 * HOUR, 6_000)
    );
}

#[test]
fn each_payment_executes_once_even_when_retried() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 100_000);
    // A retried proposal (same sequence) creates nothing: the sequence is taken.
    let requester = p.requester.insecure_clone();
    let ix = p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 5_000, 0);
    p.w.send(ix.clone(), &requester).unwrap();
    assert_error(
        p.w.send(ix, &requester),
        DisbursementError::SequenceMismatch,
    );
    // A stale sequence at a fresh address is refused by the policy's counter.
    let ix = p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 5_000, 5);
    assert_error(
        p.w.send(ix, &requester),
        DisbursementError::SequenceMismatch,
    );
    assert_eq!(p.policy().next_sequence, 1);

    let request = disbursement::pda::request(&p.w.agency, 0);
    p.approve(&request, 0).unwrap();
    let officer = p.disbursing_officer.insecure_clone();
    let ix = p.execute_ix(&request, &officer.pubkey(), true);
    // The same signed transaction twice: the runtime refuses the second.
    let payer = p.w.h.payer.insecure_clone();
    let message = solana_message::Message::new(std::slice::from_ref(&ix), Some(&payer.pubkey()));
    let tx = solana_transaction::Transaction::new(
        &[&payer, &officer],
        message,
        p.w.h.svm.latest_blockhash(),
    );
    p.w.h.svm.send_transaction(tx.clone()).unwrap();
    let err = p.w.h.svm.send_transaction(tx).unwrap_err();
    assert_eq!(
        err.err,
        solana_transaction_error::TransactionError::AlreadyProcessed
    );
    // Re-signed with a new blockhash: the request is closed, nothing is paid again.
    p.w.h.svm.expire_blockhash();
    // (A closed request's address belongs to the system program again.)
    assert_error(
        p.w.send(ix, &officer),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    let to = p.w.payee_tokens("payee-a");
    assert_eq!(p.w.h.token_balance(&to), 5_000);
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 5_000);
}

#[test]
fn reject_and_cancel_end_a_request() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 100_000);
    let agency = p.w.agency;
    let requester = p.requester.pubkey();

    let request = p.propose("AWARD-1", "payee-a", 1_000).unwrap();
    let approver = p.approvers[0].insecure_clone();
    let officer = p.disbursing_officer.insecure_clone();
    assert_error(
        p.w.send(
            dix::payment_reject(agency, officer.pubkey(), request, requester),
            &officer,
        ),
        DisbursementError::MissingRole,
    );
    let sent =
        p.w.send(
            dix::payment_reject(agency, approver.pubkey(), request, requester),
            &approver,
        )
        .unwrap();
    assert_eq!(
        sent.event::<PaymentRejected>(&disbursement::ID).approver,
        approver.pubkey()
    );
    assert!(p.w.h.data(&request).is_none());
    assert_error(
        p.execute_after_close(&request),
        ErrorCode::AccountOwnedByWrongProgram,
    );

    let request = p.propose("AWARD-1", "payee-a", 1_000).unwrap();
    let stranger = p.w.h.signer("stranger");
    assert_error(
        p.w.send(
            dix::payment_cancel(agency, stranger.pubkey(), request, requester),
            &stranger,
        ),
        DisbursementError::NotRequesterOrAdmin,
    );
    assert_error(
        p.w.send(
            dix::payment_cancel(agency, stranger.pubkey(), request, stranger.pubkey()),
            &stranger,
        ),
        DisbursementError::RequestMismatch,
    );
    let me = p.requester.insecure_clone();
    let sent =
        p.w.send(
            dix::payment_cancel(agency, me.pubkey(), request, requester),
            &me,
        )
        .unwrap();
    assert_eq!(
        sent.event::<PaymentCancelled>(&disbursement::ID)
            .cancelled_by,
        requester
    );

    let request = p.propose("AWARD-1", "payee-a", 1_000).unwrap();
    let admin = p.w.admin.insecure_clone();
    p.w.send(
        dix::payment_cancel(agency, admin.pubkey(), request, requester),
        &admin,
    )
    .unwrap();
    assert!(p.w.h.data(&request).is_none());
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 0);
}

#[test]
fn proposal_attacks() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 10_000);
    let requester = p.requester.insecure_clone();
    // Not a requester.
    let approver = p.approvers[0].insecure_clone();
    let ix = p.propose_ix(&approver.pubkey(), "AWARD-1", "payee-a", 100, 0);
    assert_error(p.w.send(ix, &approver), DisbursementError::MissingRole);
    // Missing signature.
    let ix = unsigned(
        p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 100, 0),
        &requester.pubkey(),
    );
    assert_error(p.w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    // More than the obligation has left; zero.
    let ix = p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 10_001, 0);
    assert_error(
        p.w.send(ix, &requester),
        DisbursementError::ExceedsObligation,
    );
    let ix = p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 0, 0);
    assert_error(p.w.send(ix, &requester), DisbursementError::ZeroAmount);
    // A token account that is not the payee's.
    let mallory = p.w.payee_tokens("mallory");
    let ix = substituted(
        p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 100, 0),
        &p.w.payee_tokens("payee-a"),
        &mallory,
    );
    assert_error(p.w.send(ix, &requester), DisbursementError::PayeeMismatch);
    // The payee's token account of another mint.
    let other_mint = p.w.h.create_mint("other-mint", &TOKEN_2022, 6);
    let payee = fisc_tests::keys::keypair("payee-a").pubkey();
    let elsewhere =
        p.w.h
            .create_token_account("payee-a-other-tokens", &other_mint, &payee);
    let ix = substituted(
        p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 100, 0),
        &p.w.payee_tokens("payee-a"),
        &elsewhere,
    );
    assert_error(p.w.send(ix, &requester), ErrorCode::ConstraintTokenMint);
    // Not a token account: the payee's wallet itself.
    let ix = substituted(
        p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 100, 0),
        &p.w.payee_tokens("payee-a"),
        &payee,
    );
    assert_error(
        p.w.send(ix, &requester),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    // An obligation of another budget account.
    let officer = p.w.officer.insecure_clone();
    let other = p.w.account_ref("075-2026/2026-0999-000");
    p.w.open(&officer, &other, 2026, 2026, 1_000).unwrap();
    let payer = p.w.h.payer.pubkey();
    let args = p.w.obligation_args("AWARD-9", "payee-a", 10);
    p.w.send(
        bix::obligation_create(payer, officer.pubkey(), &other, args),
        &officer,
    )
    .unwrap();
    let ours =
        p.w.account
            .obligation(&fisc_tests::fixtures::award("AWARD-1"));
    let theirs = other.obligation(&fisc_tests::fixtures::award("AWARD-9"));
    let ix = substituted(
        p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 5, 0),
        &ours,
        &theirs,
    );
    assert_error(
        p.w.send(ix, &requester),
        DisbursementError::ObligationOfAnotherAccount,
    );
    // The request at another address than its sequence's PDA (the next sequence's, a plain key).
    let agency = p.w.agency;
    for wrong in [disbursement::pda::request(&agency, 1), Pubkey::new_unique()] {
        let ix = substituted(
            p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 5, 0),
            &disbursement::pda::request(&agency, 0),
            &wrong,
        );
        assert_error(p.w.send(ix, &requester), ErrorCode::ConstraintSeeds);
    }
    assert_eq!(
        p.policy().next_sequence,
        0,
        "no failed proposal used a sequence"
    );
}

#[test]
fn execution_attacks() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 100_000);
    let request = p.propose("AWARD-1", "payee-a", 1_000).unwrap();
    p.approve(&request, 0).unwrap();
    // Not a disbursing officer: with a membership lacking the role, or with none.
    let approver = p.approvers[0].insecure_clone();
    assert_error(
        p.w.send(p.execute_ix(&request, &approver.pubkey(), true), &approver),
        DisbursementError::MissingRole,
    );
    assert_error(
        p.w.send(p.execute_ix(&request, &approver.pubkey(), false), &approver),
        DisbursementError::MissingRole,
    );
    // Another payee's token account, or another obligation, than the request names.
    let officer = p.disbursing_officer.insecure_clone();
    let mallory = p.w.payee_tokens("mallory");
    let ix = substituted(
        p.execute_ix(&request, &officer.pubkey(), true),
        &p.w.payee_tokens("payee-a"),
        &mallory,
    );
    assert_error(p.w.send(ix, &officer), DisbursementError::RequestMismatch);
    // Calling the budget program's outlay directly with the disbursement authority, unsigned.
    let to = p.w.payee_tokens("payee-a");
    let args = budget::OutlayExecuteArgs {
        amount: 1_000,
        reference: request,
        budget_account_generation: 0,
        obligation_generation: 0,
        window_seconds: 0,
    };
    let ix = bix::outlay_execute(
        disbursement::pda::authority(),
        &p.w.account,
        &fisc_tests::fixtures::award("AWARD-1"),
        to,
        args,
    );
    let ix = unsigned(ix, &disbursement::pda::authority());
    assert_error(p.w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    // Paused treasury: the budget program refuses.
    let central = p.w.central.insecure_clone();
    p.w.send(bix::treasury_pause_set(central.pubkey(), true), &central)
        .unwrap();
    assert_error(p.execute(&request), BudgetError::TreasuryPaused);
    p.w.send(bix::treasury_pause_set(central.pubkey(), false), &central)
        .unwrap();
    p.execute(&request).unwrap();
    assert_eq!(p.w.h.token_balance(&to), 1_000);
}

#[test]
fn anyone_may_execute_when_the_policy_says_so() {
    let mut policy = default_policy();
    policy.anyone_may_execute = true;
    let mut p = Payments::with(&fisc_tests::token::SPL_TOKEN, policy);
    p.w.obligate("AWARD-1", "payee-a", 100_000);
    let request = p.propose("AWARD-1", "payee-a", 1_000).unwrap();
    let stranger = p.w.h.signer("stranger");
    assert_error(
        p.w.send(p.execute_ix(&request, &stranger.pubkey(), false), &stranger),
        DisbursementError::NotEnoughApprovals,
    );
    p.approve(&request, 0).unwrap();
    p.w.send(p.execute_ix(&request, &stranger.pubkey(), false), &stranger)
        .unwrap();
}

#[test]
fn policy_changes_never_loosen_requests_in_flight() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 1_000_000);
    let admin = p.w.admin.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    let agency = p.w.agency;
    // Proposed under 2 approvals; the policy then drops to 1: it still needs 2.
    let strict = p.propose("AWARD-1", "payee-a", 50_000).unwrap();
    let mut loose = default_policy();
    loose.tiers[1].approvals = 1;
    p.w.send(
        dix::policy_set(payer, agency, admin.pubkey(), loose),
        &admin,
    )
    .unwrap();
    p.approve(&strict, 0).unwrap();
    assert_error(p.execute(&strict), DisbursementError::NotEnoughApprovals);
    p.approve(&strict, 1).unwrap();
    p.execute(&strict).unwrap();
    // Proposed under 1 approval; the policy then rises to 2: it needs 2.
    let request = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
    let mut strict_policy = default_policy();
    strict_policy.tiers[0].approvals = 2;
    p.w.send(
        dix::policy_set(payer, agency, admin.pubkey(), strict_policy),
        &admin,
    )
    .unwrap();
    p.approve(&request, 0).unwrap();
    assert_error(p.execute(&request), DisbursementError::NotEnoughApprovals);
    p.approve(&request, 1).unwrap();
    p.execute(&request).unwrap();
    // Approved under 2 approvals and no lock; the policy then asks 3 and an hour: the third
    // approval meets it, and the hour runs from there.
    let request = p.propose("AWARD-1", "payee-a", 50_000).unwrap();
    p.approve(&request, 0).unwrap();
    p.approve(&request, 1).unwrap();
    let mut stricter = default_policy();
    stricter.tiers[1].approvals = 3;
    stricter.tiers[1].time_lock_seconds = 3_600;
    p.w.send(
        dix::policy_set(payer, agency, admin.pubkey(), stricter),
        &admin,
    )
    .unwrap();
    assert_error(p.execute(&request), DisbursementError::NotEnoughApprovals);
    p.w.h.set_time(MARCH_2026 + 500);
    p.approve(&request, 2).unwrap();
    p.w.h.set_time(MARCH_2026 + 500 + 3_599);
    assert_error(p.execute(&request), DisbursementError::TimeLocked);
    p.w.h.set_time(MARCH_2026 + 500 + 3_600);
    p.execute(&request).unwrap();
}

#[test]
fn policy_attacks() {
    let mut p = Payments::new();
    let payer = p.w.h.payer.pubkey();
    let agency = p.w.agency;
    let requester = p.requester.insecure_clone();
    assert_error(
        p.w.send(
            dix::policy_set(payer, agency, requester.pubkey(), default_policy()),
            &requester,
        ),
        DisbursementError::NotAgencyAdmin,
    );
    let admin = p.w.admin.insecure_clone();
    let ix = unsigned(
        dix::policy_set(payer, agency, admin.pubkey(), default_policy()),
        &admin.pubkey(),
    );
    assert_error(p.w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    // Another agency's admin: on this agency, or on this agency's policy under their own agency.
    let other = p.other_agency();
    let their_admin = other.admin.insecure_clone();
    assert_error(
        p.w.send(
            dix::policy_set(payer, agency, their_admin.pubkey(), default_policy()),
            &their_admin,
        ),
        DisbursementError::NotAgencyAdmin,
    );
    let ix = substituted(
        dix::policy_set(payer, other.agency, their_admin.pubkey(), default_policy()),
        &disbursement::pda::policy(&other.agency),
        &disbursement::pda::policy(&agency),
    );
    assert_error(p.w.send(ix, &their_admin), ErrorCode::ConstraintSeeds);
    let bad: [fn(&mut disbursement::PolicySetArgs); 6] = [
        |a| a.tiers.clear(),
        |a| a.tiers[2].max_amount = 5,
        |a| a.tiers[0].approvals = 0,
        |a| a.tiers[1].approvals = 4,
        |a| a.tiers[1].approvals = 0,
        |a| a.tiers[2].time_lock_seconds = 31 * 86_400,
    ];
    for mutate in bad {
        let mut args = default_policy();
        mutate(&mut args);
        assert_error(
            p.w.send(dix::policy_set(payer, agency, admin.pubkey(), args), &admin),
            DisbursementError::InvalidTiers,
        );
    }
    let mut args = default_policy();
    args.period_seconds = 3_600;
    assert_error(
        p.w.send(dix::policy_set(payer, agency, admin.pubkey(), args), &admin),
        DisbursementError::InvalidPeriod,
    );
    let mut args = default_policy();
    args.period_limit = 0;
    assert_error(
        p.w.send(dix::policy_set(payer, agency, admin.pubkey(), args), &admin),
        DisbursementError::InvalidPeriod,
    );
}

#[test]
fn a_deactivated_agency_proposes_approves_and_pays_nothing_until_reactivated() {
    let mut p = Payments::with(&fisc_tests::token::SPL_TOKEN, default_policy());
    p.w.obligate("AWARD-1", "payee-a", 50_000);
    let approved = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
    p.approve(&approved, 0).unwrap();
    let pending = p.propose("AWARD-1", "payee-a", 1_000).unwrap();
    let central = p.w.central.insecure_clone();
    p.w.send(
        bix::agency_deactivate(central.pubkey(), p.w.agency),
        &central,
    )
    .unwrap();

    // Before: each of these went through for a deactivated agency.
    assert_error(
        p.propose("AWARD-1", "payee-a", 1_000).map(|_| ()),
        DisbursementError::AgencyInactive,
    );
    assert_error(p.approve(&pending, 0), DisbursementError::AgencyInactive);
    assert_error(p.execute(&approved), DisbursementError::AgencyInactive);
    // An approval naming another agency's account (an active one) than the request's is refused.
    let other = p.other_agency();
    let approver = p.approvers[0].insecure_clone();
    let ix = substituted(
        dix::payment_approve(p.w.agency, approver.pubkey(), pending),
        &p.w.agency,
        &other.agency,
    );
    assert!(p.w.send(ix, &approver).is_err());

    // Roles can still be revoked, not granted.
    let admin = p.w.admin.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    let approver_2 = p.approvers[1].pubkey();
    p.w.send(
        bix::member_roles_set(payer, p.w.agency, admin.pubkey(), approver_2, 0),
        &admin,
    )
    .unwrap();
    assert_error(
        p.w.send(
            bix::member_roles_set(
                payer,
                p.w.agency,
                admin.pubkey(),
                approver_2,
                Role::APPROVER,
            ),
            &admin,
        ),
        BudgetError::AgencyInactive,
    );

    // Only the central authority reactivates, once; then the approved payment goes through.
    let intruder = p.w.h.signer("intruder");
    assert_error(
        p.w.send(
            bix::agency_reactivate(intruder.pubkey(), p.w.agency),
            &intruder,
        ),
        BudgetError::NotCentralAuthority,
    );
    let sent =
        p.w.send(
            bix::agency_reactivate(central.pubkey(), p.w.agency),
            &central,
        )
        .unwrap();
    assert_eq!(
        sent.event::<budget::events::AgencyReactivated>(&budget::ID)
            .agency,
        p.w.agency
    );
    assert_error(
        p.w.send(
            bix::agency_reactivate(central.pubkey(), p.w.agency),
            &central,
        ),
        BudgetError::AgencyActive,
    );
    p.execute(&approved).unwrap();
    p.approve(&pending, 0).unwrap();
}

/// An approval counts at execution only while its approver holds the approver role: once the role is
/// revoked anyone may void the approval (`fisc member set` does it in the revoking transaction), and
/// the request needs another approver.
#[test]
fn a_revoked_approvers_approval_is_voided_and_no_longer_pays() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 500_000);
    let request = p.propose("AWARD-1", "payee-a", 20_000).unwrap();
    p.approve(&request, 0).unwrap();
    p.approve(&request, 1).unwrap();
    let stranger = p.w.h.signer("stranger");
    let agency = p.w.agency;
    let void =
        |approver: Pubkey| dix::payment_approval_void(agency, approver, request, stranger.pubkey());
    let first = p.approvers[0].pubkey();
    assert_error(
        p.w.send(void(first), &stranger),
        DisbursementError::ApproverStillHoldsRole,
    );

    let admin = p.w.admin.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    p.w.send(
        bix::member_roles_set(payer, agency, admin.pubkey(), first, Role::REQUESTER),
        &admin,
    )
    .unwrap();
    // Another key's membership (one without the approver role) for the approver's.
    let ix = substituted(
        void(first),
        &budget::pda::member(&agency, &first),
        &budget::pda::member(&agency, &p.requester.pubkey()),
    );
    assert_error(p.w.send(ix, &stranger), DisbursementError::NotAMember);
    // A key without the role that never approved.
    assert_error(
        p.w.send(void(p.requester.pubkey()), &stranger),
        DisbursementError::NoSuchApproval,
    );
    assert_eq!(p.request(&request).approval_count, 2);

    let sent = p.w.send(void(first), &stranger).unwrap();
    let e = sent.event::<ApprovalVoided>(&disbursement::ID);
    assert_eq!(
        (e.request, e.approver, e.approval_count, e.voided_by),
        (request, first, 1, stranger.pubkey())
    );
    let r = p.request(&request);
    assert_eq!(
        (r.approval_count, r.approvers[0], r.approvers[1]),
        (1, p.approvers[1].pubkey(), Pubkey::default())
    );
    assert_eq!(r.approved_at[1], 0);
    // Replayed, the void finds nothing to remove.
    assert_error(
        p.w.send(void(first), &stranger),
        DisbursementError::NoSuchApproval,
    );
    // Before: the revoked approver's approval still paid.
    assert_error_logged(
        p.execute(&request),
        DisbursementError::NotEnoughApprovals,
        "payment needs 2 approvals, has 1",
    );
    p.approve(&request, 2).unwrap();
    p.execute(&request).unwrap();
}

/// A request binds to the obligation it was proposed against, not to its address: once that
/// obligation is closed and one is created again under the same award id, the old request never pays.
#[test]
fn a_request_never_pays_against_an_obligation_created_again_at_its_address() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 5_000);
    let stale = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
    p.approve(&stale, 0).unwrap();
    assert_eq!(p.request(&stale).obligation_generation, 0);
    // The award is deobligated and closed unpaid, then obligated again for other work.
    let officer = p.w.officer.insecure_clone();
    let id = fisc_tests::fixtures::award("AWARD-1");
    p.w.send(
        bix::obligation_decrease(officer.pubkey(), &p.w.account, &id, 5_000, 5_000),
        &officer,
    )
    .unwrap();
    p.w.send(
        bix::obligation_close(officer.pubkey(), &p.w.account, &id),
        &officer,
    )
    .unwrap();
    p.w.obligate("AWARD-1", "payee-a", 5_000);
    assert_eq!(p.w.obligation("AWARD-1").generation, 1);
    assert_eq!(p.w.budget_account().obligations_created, 2);

    // Before: the stale request, approved for the old obligation, paid from the new one.
    assert_error(p.execute(&stale), BudgetError::GenerationChanged);
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 0);
    let fresh = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
    assert_eq!(p.request(&fresh).obligation_generation, 1);
    p.approve(&fresh, 0).unwrap();
    p.execute(&fresh).unwrap();
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 5_000);
}

/// A request expires at its proposal plus the policy's request lifetime: a policy shortened since
/// applies, a lengthened one never extends it past the lifetime it was proposed with.
#[test]
fn a_request_expires_after_the_policys_request_lifetime() {
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 50_000);
    let request = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
    p.approve(&request, 0).unwrap();
    let r = p.request(&request);
    assert_eq!(r.expires_at, r.proposed_at + 90 * 86_400);

    // Before: a request approved and left waiting paid whenever it was executed.
    p.w.h.set_time(r.expires_at + 1);
    assert_error_logged(
        p.execute(&request),
        DisbursementError::RequestExpired,
        "the request expired 1 seconds ago",
    );
    p.w.h.set_time(r.expires_at);
    p.execute(&request).unwrap();

    // Shortened to three days while a request waits: it expires after three days.
    let admin = p.w.admin.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    let agency = p.w.agency;
    let waiting = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
    p.approve(&waiting, 0).unwrap();
    let proposed_at = p.request(&waiting).proposed_at;
    let mut short = default_policy();
    short.max_request_age_seconds = 3 * 86_400;
    p.w.send(
        dix::policy_set(payer, agency, admin.pubkey(), short),
        &admin,
    )
    .unwrap();
    p.w.h.set_time(proposed_at + 3 * 86_400 + 1);
    assert_error(p.execute(&waiting), DisbursementError::RequestExpired);
    // Lengthened past the lifetime it was proposed with: that lifetime still bounds it.
    let mut long = default_policy();
    long.max_request_age_seconds = 366 * 86_400;
    p.w.send(dix::policy_set(payer, agency, admin.pubkey(), long), &admin)
        .unwrap();
    p.w.h.set_time(proposed_at + 90 * 86_400 + 1);
    assert_error(p.execute(&waiting), DisbursementError::RequestExpired);
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 5_000);

    // A lifetime is 1 to 366 days and longer than every tier's time lock (48 hours here).
    for bad in [86_399, 2 * 86_400, 366 * 86_400 + 1] {
        let mut policy = default_policy();
        policy.max_request_age_seconds = bad;
        assert_error(
            p.w.send(
                dix::policy_set(payer, agency, admin.pubkey(), policy),
                &admin,
            ),
            DisbursementError::InvalidRequestAge,
        );
    }
}

/// Tiers and the period limit count policy units (millionths of the currency unit), whatever the
/// decimals of the mint paid in: the same sum needs the same approvals and spends the same share of
/// the limit in a mint of 2, 6 or 9 decimals.
#[test]
fn tiers_and_the_limit_count_the_same_value_in_any_mint() {
    use fisc_tests::fixtures::award;
    let mut p = Payments::new();
    let central = p.w.central.insecure_clone();
    let officer = p.w.officer.insecure_clone();
    let requester = p.requester.insecure_clone();
    let executor = p.disbursing_officer.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    let token = fisc_tests::token::SPL_TOKEN;
    let mut spent = 0;
    // A cent in base units: the default policy's first tier ends at 10,000 policy units, one cent.
    for (decimals, cent) in [(2u8, 1u64), (6, 10_000), (9, 10_000_000)] {
        let mint =
            p.w.h
                .create_mint(&format!("usd-{decimals}"), &token, decimals);
        p.w.send(
            bix::treasury_mint_add(central.pubkey(), mint, token),
            &central,
        )
        .unwrap();
        let account = fisc_client::ix::budget::BudgetAccountRef {
            mint,
            ..p.w
                .account_ref(&format!("075-2026/2026-05{decimals:02}-000"))
        };
        p.w.open(&officer, &account, 2026, 2026, 1_000 * cent)
            .unwrap();
        let id = format!("AWARD-{decimals}");
        let args = p.w.obligation_args(&id, "payee-a", 100 * cent);
        p.w.send(
            bix::obligation_create(payer, officer.pubkey(), &account, args),
            &officer,
        )
        .unwrap();
        let to =
            p.w.h
                .create_token_account(&format!("payee-a-{decimals}"), &mint, &address("payee-a"));
        let source =
            p.w.h
                .create_token_account(&format!("central-{decimals}"), &mint, &central.pubkey());
        p.w.h.mint_to(&mint, &source, 100 * cent);
        p.w.send(
            bix::budget_account_fund(&account, central.pubkey(), source, 100 * cent, 0),
            &central,
        )
        .unwrap();
        let obligation = account.obligation(&award(&id));
        let propose = |p: &mut Payments, amount: u64| {
            let sequence = p.policy().next_sequence;
            let args = disbursement::PaymentProposeArgs {
                sequence,
                amount,
                document_hash: [1; 32],
                reference: fisc_tests::padded("INV-1"),
            };
            let ix =
                dix::payment_propose(payer, requester.pubkey(), &account, obligation, to, args);
            p.w.send(ix, &requester).unwrap();
            disbursement::pda::request(&p.w.agency, sequence)
        };
        // Before: a cent needed one approval in a 6-decimal mint, a hundredth of a cent in a 9-decimal
        // one, and 10,000 dollars in a 2-decimal one.
        let one_cent = propose(&mut p, cent);
        let more = propose(&mut p, cent + 1);
        let (r1, r2) = (p.request(&one_cent), p.request(&more));
        assert_eq!(
            (
                r1.policy_amount,
                r1.required_approvals,
                r2.required_approvals
            ),
            (10_000, 1, 2),
            "{decimals} decimals"
        );
        p.approve(&one_cent, 0).unwrap();
        let target = dix::ExecuteRef {
            request: one_cent,
            requester: requester.pubkey(),
            obligation,
            payee_token_account: to,
        };
        p.w.send(
            dix::payment_execute(&account, executor.pubkey(), true, &target),
            &executor,
        )
        .unwrap();
        spent += 10_000;
        assert_eq!(p.policy().period_spent, spent, "{decimals} decimals");
        assert_eq!(p.w.h.token_balance(&to), cent);
    }
}

/// Outlays send no memo (README, "What the programs guarantee"): a payee token account that requires
/// memos on incoming transfers refuses the outlay, which fails whole and changes nothing; the payee's
/// associated token account, without the requirement, is paid.
#[test]
fn a_payee_account_that_requires_memos_refuses_the_outlay_whole() {
    let mut p = Payments::with(&TOKEN_2022, default_policy());
    p.w.obligate("AWARD-1", "payee-memo", 50_000);
    let owner = fisc_tests::keypair("payee-memo");
    p.w.h.fund(&owner.pubkey());
    let mint = p.w.account.mint;
    let memo_account =
        p.w.h
            .create_memo_required_account("payee-memo-tokens", &mint, &owner);
    let request = p.propose("AWARD-1", "payee-memo", 5_000).unwrap();
    assert_eq!(p.request(&request).payee_token_account, memo_account);
    p.approve(&request, 0).unwrap();
    let vault_before = p.w.vault_balance();
    let err = p.execute(&request).unwrap_err();
    fisc_tests::assert_logged(&err, "memo");
    assert_eq!(p.w.h.token_balance(&memo_account), 0);
    assert_eq!(p.w.vault_balance(), vault_before);
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 0);
    assert_eq!(p.policy().period_spent, 0);
    assert!(
        p.w.h.data(&request).is_some(),
        "the request stays, to cancel or retry"
    );
}

/// An award paid in parts within a period needs what it would need paid at once: the tier counts
/// what the same obligation paid in this period and the last. A requester and one approver can no
/// longer pay 1,000,000 as 100 payments of 10,000 in the one-approval tier.
#[test]
fn a_split_payment_needs_the_approvals_of_the_whole() {
    const HOUR: i64 = 3_600;
    let mut p = Payments::new();
    p.w.obligate("AWARD-1", "payee-a", 3_000_000);
    let first = p.propose("AWARD-1", "payee-a", 10_000).unwrap();
    p.approve(&first, 0).unwrap();
    p.execute(&first).unwrap();
    // Before: the second part of 10,000 needed one approval too.
    let second = p.propose("AWARD-1", "payee-a", 10_000).unwrap();
    assert_eq!(p.request(&second).required_approvals, 1);
    p.approve(&second, 0).unwrap();
    assert_error_logged(
        p.execute(&second),
        DisbursementError::NotEnoughApprovals,
        "the obligation paid 10000 (base units) in this period and the last",
    );
    p.approve(&second, 1).unwrap();
    p.execute(&second).unwrap();
    // Parts up to 1,000,000 in all need two approvals; past it, three and the 48-hour lock, as the
    // whole would.
    let big = p.propose("AWARD-1", "payee-a", 980_000).unwrap();
    p.approve(&big, 0).unwrap();
    p.approve(&big, 1).unwrap();
    p.execute(&big).unwrap();
    let over = p.propose("AWARD-1", "payee-a", 10_000).unwrap();
    p.approve(&over, 0).unwrap();
    p.approve(&over, 1).unwrap();
    assert_error(p.execute(&over), DisbursementError::NotEnoughApprovals);
    p.approve(&over, 2).unwrap();
    assert_error(p.execute(&over), DisbursementError::TimeLocked);
    p.w.h.set_time(MARCH_2026 + 48 * HOUR);
    p.execute(&over).unwrap();
    // Two full periods (weeks) after, the obligation's earlier parts no longer count.
    p.w.h.set_time(MARCH_2026 + 48 * HOUR + 2 * 604_800);
    let later = p.propose("AWARD-1", "payee-a", 10_000).unwrap();
    p.approve(&later, 0).unwrap();
    p.execute(&later).unwrap();
    assert_eq!(p.w.obligation("AWARD-1").disbursed, 1_010_000 + 10_000);
}
