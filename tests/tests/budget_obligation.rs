//! Obligations: create, increase, decrease (deobligation), close.

use anchor_lang::error::ErrorCode;
use budget::errors::BudgetError;
use budget::events::{ObligationAdjusted, ObligationClosed, ObligationCreated};
use budget::state::{Obligation, Role};
use fisc_client::ix::budget::{self as bix, BudgetAccountRef};
use fisc_tests::fixtures::{award, uei, World, AUTHORIZED};
use fisc_tests::{address, assert_error, padded, substituted, unsigned};
use solana_signer::Signer;

#[test]
fn creates_an_obligation() {
    let mut w = World::new();
    let sent = w.obligate("75N91026C00001", "payee-a", 250_000);
    let o = w.obligation("75N91026C00001");
    assert_eq!(
        (
            o.budget_account,
            o.payee,
            o.obligated,
            o.disbursed,
            o.object_class
        ),
        (w.account.address(), address("payee-a"), 250_000, 0, 25)
    );
    assert_eq!(o.payee_id, uei("ZQGGHJH74DW7"));
    let a = w.budget_account();
    assert_eq!((a.obligated, a.open_obligations), (250_000, 1));
    let event: ObligationCreated = sent.event(&budget::ID);
    assert_eq!(
        (event.obligation, event.amount, event.officer),
        (
            w.account.obligation(&award("75N91026C00001")),
            250_000,
            w.officer.pubkey()
        )
    );
    assert_eq!(
        sent.created,
        vec![(
            w.account.obligation(&award("75N91026C00001")),
            Obligation::SPACE
        )]
    );
}

#[test]
fn create_attacks() {
    let mut w = World::new();
    let payer = w.h.payer.pubkey();
    let officer = w.officer.insecure_clone();
    let admin = w.admin.insecure_clone();
    let args = w.obligation_args("AWARD-1", "payee-a", 100);

    let ix = unsigned(
        bix::obligation_create(payer, officer.pubkey(), &w.account, args.clone()),
        &officer.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    // A requester may not obligate.
    let clerk = w.h.signer("clerk");
    w.send(
        bix::member_roles_set(
            payer,
            w.agency,
            admin.pubkey(),
            clerk.pubkey(),
            Role::REQUESTER,
        ),
        &admin,
    )
    .unwrap();
    assert_error(
        w.send(
            bix::obligation_create(payer, clerk.pubkey(), &w.account, args.clone()),
            &clerk,
        ),
        BudgetError::MissingRole,
    );
    // A revoked budget officer may not either.
    w.send(
        bix::member_roles_set(payer, w.agency, admin.pubkey(), officer.pubkey(), 0),
        &admin,
    )
    .unwrap();
    assert_error(
        w.send(
            bix::obligation_create(payer, officer.pubkey(), &w.account, args.clone()),
            &officer,
        ),
        BudgetError::MissingRole,
    );
    w.send(
        bix::member_roles_set(
            payer,
            w.agency,
            admin.pubkey(),
            officer.pubkey(),
            Role::BUDGET_OFFICER,
        ),
        &admin,
    )
    .unwrap();

    // The budget officer of another agency, against this agency's account.
    let central = w.central.insecure_clone();
    let other_admin = w.h.signer("agency-089-admin");
    let code = padded("089");
    let reg = budget::AgencyRegisterArgs {
        code,
        name: padded("Energy"),
        admin: other_admin.pubkey(),
    };
    w.send(bix::agency_register(payer, central.pubkey(), reg), &central)
        .unwrap();
    let other_agency = budget::pda::agency(&code);
    let other_officer = w.h.signer("agency-089-officer");
    w.send(
        bix::member_roles_set(
            payer,
            other_agency,
            other_admin.pubkey(),
            other_officer.pubkey(),
            Role::BUDGET_OFFICER,
        ),
        &other_admin,
    )
    .unwrap();
    let foreign = BudgetAccountRef {
        agency: other_agency,
        ..w.account
    };
    let ix = substituted(
        bix::obligation_create(payer, other_officer.pubkey(), &foreign, args.clone()),
        &foreign.address(),
        &w.account.address(),
    );
    let ix = substituted(
        ix,
        &foreign.obligation(&args.award_id),
        &w.account.obligation(&args.award_id),
    );
    assert_error(
        w.send(ix, &other_officer),
        BudgetError::AccountOfAnotherAgency,
    );

    // Over the unobligated authority, at u64::MAX, zero.
    let mut big = args.clone();
    big.amount = AUTHORIZED + 1;
    assert_error(
        w.send(
            bix::obligation_create(payer, officer.pubkey(), &w.account, big.clone()),
            &officer,
        ),
        BudgetError::ExceedsUnobligatedAuthority,
    );
    big.amount = u64::MAX;
    assert_error(
        w.send(
            bix::obligation_create(payer, officer.pubkey(), &w.account, big.clone()),
            &officer,
        ),
        BudgetError::ExceedsUnobligatedAuthority,
    );
    big.amount = 0;
    assert_error(
        w.send(
            bix::obligation_create(payer, officer.pubkey(), &w.account, big),
            &officer,
        ),
        BudgetError::ZeroAmount,
    );

    // Malformed fields.
    let cases: [fisc_tests::BadArgs<budget::ObligationCreateArgs, BudgetError>; 4] = [
        (|a| a.award_id = [0; 32], BudgetError::InvalidAwardId),
        (|a| a.payee_id = [0; 12], BudgetError::InvalidPayeeId),
        (|a| a.object_class = 9, BudgetError::InvalidObjectClass),
        (
            |a| a.payee = Default::default(),
            BudgetError::InvalidAddress,
        ),
    ];
    for (mutate, expected) in cases {
        let mut bad = args.clone();
        mutate(&mut bad);
        assert_error(
            w.send(
                bix::obligation_create(payer, officer.pubkey(), &w.account, bad),
                &officer,
            ),
            expected,
        );
    }

    // Reinitialisation: the same award twice.
    w.send(
        bix::obligation_create(payer, officer.pubkey(), &w.account, args.clone()),
        &officer,
    )
    .unwrap();
    let mut again = args.clone();
    again.payee = address("someone-else");
    let err = w
        .send(
            bix::obligation_create(payer, officer.pubkey(), &w.account, again),
            &officer,
        )
        .unwrap_err();
    fisc_tests::assert_logged(&err, "already in use");
    assert_eq!(w.obligation("AWARD-1").payee, address("payee-a"));
    assert_eq!(w.budget_account().obligated, 100);
    // Another award's address for this award's obligation: not its PDA.
    let mut third = args.clone();
    third.award_id = award("AWARD-3");
    let ix = substituted(
        bix::obligation_create(payer, officer.pubkey(), &w.account, third),
        &w.account.obligation(&award("AWARD-3")),
        &w.account.obligation(&award("AWARD-4")),
    );
    assert_error(w.send(ix, &officer), ErrorCode::ConstraintSeeds);
    assert!(w.h.data(&w.account.obligation(&award("AWARD-4"))).is_none());
    assert_eq!(w.budget_account().obligated, 100);
}

/// An outlay must leave the treasury: the payee is never a budget account (this one, whose vault the
/// payment would return to, or another, a transfer between appropriations) nor a token account.
#[test]
fn a_payee_inside_the_treasury_is_refused() {
    let mut w = World::new();
    let payer = w.h.payer.pubkey();
    let officer = w.officer.insecure_clone();
    let other = w.account_ref("070-2026/2026-0401");
    w.open(&officer, &other, 2026, 0, 5).unwrap();
    let insiders = [
        ("this budget account", w.account.address()),
        ("another budget account", other.address()),
        ("this account's vault", w.account.vault),
        ("another account's vault", other.vault),
    ];
    for (what, payee) in insiders {
        let mut args = w.obligation_args("AWARD-1", "payee-a", 100);
        args.payee = payee;
        let err = w
            .send(
                bix::obligation_create(payer, officer.pubkey(), &w.account, args),
                &officer,
            )
            .expect_err(what);
        assert_error::<()>(Err(err), BudgetError::PayeeInsideTreasury);
    }
    // The payee account passed must be the payee named: a wallet passed for a budget account named.
    let mut args = w.obligation_args("AWARD-1", "payee-a", 100);
    args.payee = other.address();
    let ix = substituted(
        bix::obligation_create(payer, officer.pubkey(), &w.account, args),
        &other.address(),
        &address("payee-a"),
    );
    assert_error(w.send(ix, &officer), BudgetError::PayeeMismatch);
    assert!(w.h.data(&w.account.obligation(&award("AWARD-1"))).is_none());
    assert_eq!(w.budget_account().obligated, 0);
    assert_eq!(w.budget_account().open_obligations, 0);
    // A wallet is a payee.
    w.obligate("AWARD-1", "payee-a", 100);
}

#[test]
fn adjusts_up_and_down() {
    let mut w = World::new();
    let officer = w.officer.insecure_clone();
    let id = award("AWARD-1");
    w.obligate("AWARD-1", "payee-a", 1_000);
    w.pay("AWARD-1", "payee-a", 600);

    let sent = w
        .send(
            bix::obligation_increase(officer.pubkey(), &w.account, &id, 500, w.obligated(&id)),
            &officer,
        )
        .unwrap();
    let event: ObligationAdjusted = sent.event(&budget::ID);
    assert_eq!(
        (
            event.increase,
            event.amount,
            event.obligated,
            event.account_obligated
        ),
        (true, 500, 1_500, 1_500)
    );
    let sent = w
        .send(
            bix::obligation_decrease(officer.pubkey(), &w.account, &id, 900, w.obligated(&id)),
            &officer,
        )
        .unwrap();
    assert_eq!(sent.event::<ObligationAdjusted>(&budget::ID).obligated, 600);
    assert_eq!(w.budget_account().obligated, 600);

    assert_error(
        w.send(
            bix::obligation_decrease(officer.pubkey(), &w.account, &id, 1, w.obligated(&id)),
            &officer,
        ),
        BudgetError::DeobligationBelowDisbursed,
    );
    assert_error(
        w.send(
            bix::obligation_decrease(officer.pubkey(), &w.account, &id, 0, w.obligated(&id)),
            &officer,
        ),
        BudgetError::ZeroAmount,
    );
    assert_error(
        w.send(
            bix::obligation_increase(
                officer.pubkey(),
                &w.account,
                &id,
                AUTHORIZED,
                w.obligated(&id),
            ),
            &officer,
        ),
        BudgetError::ExceedsUnobligatedAuthority,
    );
    assert_error(
        w.send(
            bix::obligation_increase(
                officer.pubkey(),
                &w.account,
                &id,
                u64::MAX,
                w.obligated(&id),
            ),
            &officer,
        ),
        BudgetError::ExceedsUnobligatedAuthority,
    );
    w.assert_books_balance();
}

#[test]
fn adjust_attacks() {
    let mut w = World::new();
    let payer = w.h.payer.pubkey();
    let officer = w.officer.insecure_clone();
    let id = award("AWARD-1");
    w.obligate("AWARD-1", "payee-a", 1_000);
    let ix = unsigned(
        bix::obligation_increase(officer.pubkey(), &w.account, &id, 1, w.obligated(&id)),
        &officer.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    let intruder = w.h.signer("intruder");
    // No membership: the (zero-copy) member account is empty, owned by the system program.
    assert_error(
        w.send(
            bix::obligation_decrease(intruder.pubkey(), &w.account, &id, 1, w.obligated(&id)),
            &intruder,
        ),
        ErrorCode::AccountOwnedByWrongProgram,
    );

    // An obligation of another budget account passed with this one.
    let other = w.account_ref("075-2026/2026-0999-000");
    w.open(&officer, &other, 2026, 2026, 1_000).unwrap();
    let args = w.obligation_args("AWARD-9", "payee-a", 10);
    w.send(
        bix::obligation_create(payer, officer.pubkey(), &other, args),
        &officer,
    )
    .unwrap();
    let ix = substituted(
        bix::obligation_increase(officer.pubkey(), &w.account, &id, 1, w.obligated(&id)),
        &w.account.obligation(&id),
        &other.obligation(&award("AWARD-9")),
    );
    assert_error(
        w.send(ix, &officer),
        BudgetError::ObligationOfAnotherAccount,
    );
    assert_eq!(
        w.h.account::<Obligation>(&other.obligation(&award("AWARD-9")))
            .obligated,
        10
    );
}

#[test]
fn closes_fully_paid_obligations_only() {
    let mut w = World::new();
    let officer = w.officer.insecure_clone();
    let id = award("AWARD-1");
    w.obligate("AWARD-1", "payee-a", 1_000);
    w.pay("AWARD-1", "payee-a", 999);
    assert_error(
        w.send(
            bix::obligation_close(officer.pubkey(), &w.account, &id),
            &officer,
        ),
        BudgetError::ObligationNotLiquidated,
    );
    // No membership: the (zero-copy) member account is empty, owned by the system program.
    let intruder = w.h.signer("intruder");
    assert_error(
        w.send(
            bix::obligation_close(intruder.pubkey(), &w.account, &id),
            &intruder,
        ),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    w.pay("AWARD-1", "payee-a", 1);
    let sent = w
        .send(
            bix::obligation_close(officer.pubkey(), &w.account, &id),
            &officer,
        )
        .unwrap();
    let event: ObligationClosed = sent.event(&budget::ID);
    assert_eq!((event.obligated, event.disbursed), (1_000, 1_000));
    assert!(w.h.data(&w.account.obligation(&id)).is_none());
    let a = w.budget_account();
    assert_eq!(
        (a.open_obligations, a.obligated, a.disbursed),
        (0, 1_000, 1_000)
    );
    // Replay: the obligation is gone (its empty address is owned by the system program).
    assert_error(
        w.send(
            bix::obligation_close(officer.pubkey(), &w.account, &id),
            &officer,
        ),
        ErrorCode::AccountOwnedByWrongProgram,
    );
}

#[test]
fn an_adjustment_that_lands_twice_counts_once() {
    let mut w = World::new();
    let officer = w.officer.insecure_clone();
    let id = award("AWARD-1");
    w.obligate("AWARD-1", "payee-a", 1_000);
    let increase =
        bix::obligation_increase(officer.pubkey(), &w.account, &id, 500, w.obligated(&id));
    w.send(increase.clone(), &officer).unwrap();
    let (obligation, account) = (w.obligation("AWARD-1"), w.budget_account());
    assert_eq!(obligation.obligated, 1_500);
    assert_error(w.send(increase, &officer), BudgetError::ObligatedChanged);
    assert_eq!(
        (w.obligation("AWARD-1"), w.budget_account()),
        (obligation, account)
    );

    let decrease =
        bix::obligation_decrease(officer.pubkey(), &w.account, &id, 200, w.obligated(&id));
    w.send(decrease.clone(), &officer).unwrap();
    let (obligation, account) = (w.obligation("AWARD-1"), w.budget_account());
    assert_eq!((obligation.obligated, account.obligated), (1_300, 1_300));
    assert_error(w.send(decrease, &officer), BudgetError::ObligatedChanged);
    assert_eq!(
        (w.obligation("AWARD-1"), w.budget_account()),
        (obligation, account)
    );
    w.assert_books_balance();
}
