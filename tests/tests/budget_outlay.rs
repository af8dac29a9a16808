//! Outlays (only through the disbursement authority) and recoveries.

use anchor_lang::error::ErrorCode;
use budget::errors::BudgetError;
use budget::events::{OutlayMade, RecoveryRecorded};
use fisc_client::ix::budget as bix;
use fisc_tests::fixtures::{award, World, FUNDED};
use fisc_tests::token::{SPL_TOKEN, TOKEN_2022};
use fisc_tests::{address, assert_error, keypair, substituted, unsigned};
use solana_signer::Signer;

#[test]
fn pays_the_payee_from_the_vault() {
    for token_program in [SPL_TOKEN, TOKEN_2022] {
        let mut w = World::with_token_program(&token_program);
        w.obligate("AWARD-1", "payee-a", 1_000);
        let sent = w.pay("AWARD-1", "payee-a", 400);
        let to = w.payee_tokens("payee-a");
        assert_eq!(w.h.token_balance(&to), 400);
        assert_eq!(w.vault_balance(), FUNDED - 400);
        assert_eq!(
            (
                w.obligation("AWARD-1").disbursed,
                w.budget_account().disbursed
            ),
            (400, 400)
        );
        let event: OutlayMade = sent.event(&budget::ID);
        assert_eq!(
            (
                event.payee,
                event.payee_token_account,
                event.amount,
                event.reference
            ),
            (address("payee-a"), to, 400, address("payment-request"))
        );
        assert_eq!(
            (event.obligation_disbursed, event.account_disbursed),
            (400, 400)
        );
        w.assert_books_balance();
    }
}

#[test]
fn only_the_disbursement_authority_pays() {
    let mut w = World::new();
    w.obligate("AWARD-1", "payee-a", 1_000);
    let officer = w.officer.insecure_clone();
    let central = w.central.insecure_clone();
    let to = w.payee_tokens("payee-a");
    let args = budget::OutlayExecuteArgs {
        amount: 1,
        reference: address("r"),
        budget_account_generation: 0,
        obligation_generation: 0,
        window_seconds: 0,
    };
    for signer in [&officer, &central, &keypair("payee-a")] {
        w.h.fund(&signer.pubkey());
        let ix = bix::outlay_execute(
            signer.pubkey(),
            &w.account,
            &award("AWARD-1"),
            to,
            args.clone(),
        );
        assert_error(w.send(ix, signer), BudgetError::NotDisbursementAuthority);
    }
    let ix = unsigned(
        w.outlay_ix("AWARD-1", "payee-a", 1),
        &w.disbursement.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    assert_eq!(w.h.token_balance(&to), 0);
}

#[test]
fn outlay_attacks() {
    let mut w = World::new();
    let disbursement = w.disbursement.insecure_clone();
    w.obligate("AWARD-1", "payee-a", 1_000);
    // More than the obligation's undisbursed balance, zero, u64::MAX.
    let ix = w.outlay_ix("AWARD-1", "payee-a", 1_001);
    assert_error(w.send(ix, &disbursement), BudgetError::ExceedsObligation);
    let ix = w.outlay_ix("AWARD-1", "payee-a", 0);
    assert_error(w.send(ix, &disbursement), BudgetError::ZeroAmount);
    let ix = w.outlay_ix("AWARD-1", "payee-a", u64::MAX);
    assert_error(w.send(ix, &disbursement), BudgetError::ExceedsObligation);
    // An outlay for another generation of the budget account or the obligation than these (a
    // request proposed against accounts since closed and created again at the same addresses).
    for (account_generation, obligation_generation) in [(1, 0), (0, 1)] {
        let mut ix = w.outlay_ix("AWARD-1", "payee-a", 10);
        let args = budget::OutlayExecuteArgs {
            amount: 10,
            reference: address("payment-request"),
            budget_account_generation: account_generation,
            obligation_generation,
            window_seconds: 0,
        };
        ix.data = anchor_lang::InstructionData::data(&budget::instruction::OutlayExecute { args });
        assert_error(w.send(ix, &disbursement), BudgetError::GenerationChanged);
    }
    assert_eq!(w.obligation("AWARD-1").disbursed, 0);
    // A token account that is not the payee's.
    let mallory = w.payee_tokens("mallory");
    let ix = substituted(
        w.outlay_ix("AWARD-1", "payee-a", 10),
        &w.payee_tokens("payee-a"),
        &mallory,
    );
    assert_error(w.send(ix, &disbursement), BudgetError::PayeeMismatch);
    // The payee's account in another mint.
    let other_mint = w.h.create_mint("other-mint", &SPL_TOKEN, 6);
    let payee_other =
        w.h.create_token_account("payee-a-other", &other_mint, &address("payee-a"));
    let ix = substituted(
        w.outlay_ix("AWARD-1", "payee-a", 10),
        &w.payee_tokens("payee-a"),
        &payee_other,
    );
    assert_error(w.send(ix, &disbursement), ErrorCode::ConstraintTokenMint);
    // Another budget account's vault.
    let payer = w.h.payer.pubkey();
    let officer = w.officer.insecure_clone();
    let other = w.account_ref("075-2026/2026-0999-000");
    w.open(&officer, &other, 2026, 2026, 1_000).unwrap();
    let ix = substituted(
        w.outlay_ix("AWARD-1", "payee-a", 10),
        &w.account.vault,
        &other.vault,
    );
    assert_error(w.send(ix, &disbursement), BudgetError::VaultMismatch);
    // An obligation of another budget account.
    let args = w.obligation_args("AWARD-9", "payee-a", 10);
    w.send(
        bix::obligation_create(payer, officer.pubkey(), &other, args),
        &officer,
    )
    .unwrap();
    let ix = substituted(
        w.outlay_ix("AWARD-1", "payee-a", 10),
        &w.account.obligation(&award("AWARD-1")),
        &other.obligation(&award("AWARD-9")),
    );
    assert_error(
        w.send(ix, &disbursement),
        BudgetError::ObligationOfAnotherAccount,
    );
    assert_eq!(w.obligation("AWARD-1").disbursed, 0);
    w.assert_books_balance();
}

#[test]
fn the_vault_must_hold_the_outlay() {
    let mut w = World::new();
    let disbursement = w.disbursement.insecure_clone();
    w.obligate("AWARD-BIG", "payee-a", FUNDED + 1);
    let ix = w.outlay_ix("AWARD-BIG", "payee-a", FUNDED + 1);
    assert_error(
        w.send(ix, &disbursement),
        BudgetError::InsufficientVaultFunds,
    );
    w.pay("AWARD-BIG", "payee-a", FUNDED);
    assert_eq!(w.vault_balance(), 0);
    w.assert_books_balance();
}

#[test]
fn a_signed_outlay_replayed_is_refused_by_the_runtime() {
    let mut w = World::new();
    w.obligate("AWARD-1", "payee-a", 1_000);
    let ix = w.outlay_ix("AWARD-1", "payee-a", 100);
    let disbursement = w.disbursement.insecure_clone();
    let payer = w.h.payer.insecure_clone();
    let message = solana_message::Message::new(&[ix], Some(&payer.pubkey()));
    let tx = solana_transaction::Transaction::new(
        &[&payer, &disbursement],
        message,
        w.h.svm.latest_blockhash(),
    );
    w.h.svm.send_transaction(tx.clone()).unwrap();
    let err = w.h.svm.send_transaction(tx).unwrap_err();
    assert_eq!(
        err.err,
        solana_transaction_error::TransactionError::AlreadyProcessed
    );
    assert_eq!(w.obligation("AWARD-1").disbursed, 100);
}

#[test]
fn recoveries_credit_the_obligation() {
    let mut w = World::new();
    w.obligate("AWARD-1", "payee-a", 1_000);
    w.pay("AWARD-1", "payee-a", 700);
    let payee = w.h.signer("payee-a");
    let from = w.payee_tokens("payee-a");
    let id = award("AWARD-1");
    let sent = w
        .send(
            bix::recovery_record(
                &w.account,
                &id,
                payee.pubkey(),
                bix::RecoveredBy::Payee,
                from,
                200,
                w.disbursed(&id),
            ),
            &payee,
        )
        .unwrap();
    let event: RecoveryRecorded = sent.event(&budget::ID);
    assert_eq!(
        (
            event.amount,
            event.obligation_disbursed,
            event.account_disbursed,
            event.payer
        ),
        (200, 500, 500, payee.pubkey())
    );
    assert_eq!(w.h.token_balance(&from), 500);
    w.assert_books_balance();
    // The recovered amount may be paid again, up to the obligation.
    w.pay("AWARD-1", "payee-a", 500);
    assert_eq!(w.obligation("AWARD-1").disbursed, 1_000);

    assert_error(
        w.send(
            bix::recovery_record(
                &w.account,
                &id,
                payee.pubkey(),
                bix::RecoveredBy::Payee,
                from,
                1_001,
                w.disbursed(&id),
            ),
            &payee,
        ),
        BudgetError::RecoveryExceedsDisbursed,
    );
    assert_error(
        w.send(
            bix::recovery_record(
                &w.account,
                &id,
                payee.pubkey(),
                bix::RecoveredBy::Payee,
                from,
                0,
                w.disbursed(&id),
            ),
            &payee,
        ),
        BudgetError::ZeroAmount,
    );
    let thief = w.h.signer("thief");
    assert_error(
        w.send(
            bix::recovery_record(
                &w.account,
                &id,
                thief.pubkey(),
                bix::RecoveredBy::Payee,
                from,
                1,
                w.disbursed(&id),
            ),
            &thief,
        ),
        ErrorCode::ConstraintTokenOwner,
    );
    let ix = unsigned(
        bix::recovery_record(
            &w.account,
            &id,
            payee.pubkey(),
            bix::RecoveredBy::Payee,
            from,
            1,
            w.disbursed(&id),
        ),
        &payee.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    w.assert_books_balance();
}

#[test]
fn a_recovery_that_lands_twice_counts_once() {
    let mut w = World::new();
    w.obligate("AWARD-1", "payee-a", 1_000);
    w.pay("AWARD-1", "payee-a", 700);
    let payee = w.h.signer("payee-a");
    let from = w.payee_tokens("payee-a");
    let id = award("AWARD-1");
    let recovery = bix::recovery_record(
        &w.account,
        &id,
        payee.pubkey(),
        bix::RecoveredBy::Payee,
        from,
        200,
        w.disbursed(&id),
    );
    w.send(recovery.clone(), &payee).unwrap();
    let (obligation, account) = (w.obligation("AWARD-1"), w.budget_account());
    let (vault, payee_tokens) = (w.vault_balance(), w.h.token_balance(&from));
    assert_eq!(obligation.disbursed, 500);
    assert_error(w.send(recovery, &payee), BudgetError::DisbursedChanged);
    assert_eq!(
        (
            w.obligation("AWARD-1"),
            w.budget_account(),
            w.vault_balance(),
            w.h.token_balance(&from)
        ),
        (obligation, account, vault, payee_tokens)
    );
    w.assert_books_balance();
}

#[test]
fn only_the_payee_or_a_budget_officer_records_a_recovery() {
    let mut w = World::new();
    w.obligate("AWARD-1", "payee-a", 1_000);
    w.pay("AWARD-1", "payee-a", 1_000);
    let id = award("AWARD-1");
    let mint = w.account.mint;

    // A stranger holding the mint: refused (before, its one-unit "recovery" kept the paid obligation
    // from closing).
    let stranger = w.h.signer("stranger");
    let stranger_tokens =
        w.h.create_token_account("stranger-tokens", &mint, &stranger.pubkey());
    w.h.mint_to(&mint, &stranger_tokens, 10);
    let before = w.obligation("AWARD-1");
    assert_error(
        w.send(
            bix::recovery_record(
                &w.account,
                &id,
                stranger.pubkey(),
                bix::RecoveredBy::Payee,
                stranger_tokens,
                1,
                w.disbursed(&id),
            ),
            &stranger,
        ),
        BudgetError::RecoveryByStranger,
    );
    // Naming a membership it does not have does not help.
    assert_error(
        w.send(
            bix::recovery_record(
                &w.account,
                &id,
                stranger.pubkey(),
                bix::RecoveredBy::BudgetOfficer,
                stranger_tokens,
                1,
                w.disbursed(&id),
            ),
            &stranger,
        ),
        anchor_lang::error::ErrorCode::AccountOwnedByWrongProgram,
    );
    assert_eq!(w.obligation("AWARD-1"), before);

    // The agency's budget officer records money the agency got back by other means.
    let officer = w.officer.insecure_clone();
    let officer_tokens =
        w.h.create_token_account("officer-tokens", &mint, &officer.pubkey());
    w.h.mint_to(&mint, &officer_tokens, 10);
    w.send(
        bix::recovery_record(
            &w.account,
            &id,
            officer.pubkey(),
            bix::RecoveredBy::BudgetOfficer,
            officer_tokens,
            10,
            w.disbursed(&id),
        ),
        &officer,
    )
    .unwrap();
    assert_eq!(w.obligation("AWARD-1").disbursed, 990);
    w.assert_books_balance();
}
