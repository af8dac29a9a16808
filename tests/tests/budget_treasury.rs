//! `treasury_init`: the budget program's root instruction.

use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use budget::errors::BudgetError;
use budget::events::TreasuryInitialized;
use budget::state::Treasury;
use fisc_tests::fixtures::{init_treasury, treasury_init_args, treasury_init_ix};
use fisc_tests::svm::programdata_address;
use fisc_tests::{assert_error, substituted, unsigned, Harness};
use solana_signer::Signer;

#[test]
fn creates_the_treasury_and_emits_its_event() {
    let mut h = Harness::new();
    let sent = init_treasury(&mut h);
    let args = treasury_init_args();

    let treasury: Treasury = h.account(&budget::pda::treasury());
    assert_eq!(treasury.version, 1);
    assert_eq!(treasury.authority, args.authority);
    assert_eq!(treasury.pending_authority, Pubkey::default());
    assert_eq!(
        treasury.disbursement_authority,
        disbursement::pda::authority()
    );
    assert_eq!(treasury.fiscal_year_start_month, 10);
    assert_eq!(treasury.cancellation_years, 5);
    assert!(!treasury.is_paused());

    let event: TreasuryInitialized = sent.event(&budget::ID);
    assert_eq!(event.treasury, budget::pda::treasury());
    assert_eq!(event.authority, args.authority);
    assert_eq!(event.disbursement_authority, args.disbursement_authority);
    assert_eq!(
        (event.fiscal_year_start_month, event.cancellation_years),
        (10, 5)
    );
}

#[test]
fn rejects_a_second_init() {
    let mut h = Harness::new();
    init_treasury(&mut h);
    let before = h.data(&budget::pda::treasury());
    let ua = h.upgrade_authority.insecure_clone();
    let mut args = treasury_init_args();
    args.fiscal_year_start_month = 1;
    let ix = treasury_init_ix(&h, ua.pubkey(), args);
    let err = h
        .send(&[ix], &[&ua])
        .expect_err("reinitialisation must fail");
    // The system program refuses to create an account that already exists.
    fisc_tests::assert_logged(&err, "already in use");
    assert_eq!(
        h.data(&budget::pda::treasury()),
        before,
        "the treasury must not change"
    );
}

#[test]
fn rejects_a_missing_upgrade_authority_signature() {
    let mut h = Harness::new();
    let ua = h.upgrade_authority.pubkey();
    let ix = unsigned(treasury_init_ix(&h, ua, treasury_init_args()), &ua);
    assert_error(h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    assert!(h.data(&budget::pda::treasury()).is_none());
}

#[test]
fn rejects_anyone_but_the_upgrade_authority() {
    let mut h = Harness::new();
    let intruder = h.signer("intruder");
    let ix = treasury_init_ix(&h, intruder.pubkey(), treasury_init_args());
    assert_error(h.send(&[ix], &[&intruder]), ErrorCode::ConstraintRaw);
    assert!(h.data(&budget::pda::treasury()).is_none());
}

#[test]
fn rejects_another_programs_program_data() {
    let mut h = Harness::new();
    let ua = h.upgrade_authority.insecure_clone();
    let ours = programdata_address(&budget::ID);
    let theirs = programdata_address(&titles::ID);
    let ix = substituted(
        treasury_init_ix(&h, ua.pubkey(), treasury_init_args()),
        &ours,
        &theirs,
    );
    assert_error(h.send(&[ix], &[&ua]), ErrorCode::ConstraintRaw);
}

#[test]
fn rejects_a_substituted_treasury_address() {
    let mut h = Harness::new();
    let ua = h.upgrade_authority.insecure_clone();
    let fake = h.signer("fake-treasury");
    let mut ix = treasury_init_ix(&h, ua.pubkey(), treasury_init_args());
    let real = budget::pda::treasury();
    ix.accounts
        .iter_mut()
        .filter(|m| m.pubkey == real)
        .for_each(|m| {
            m.pubkey = fake.pubkey();
            m.is_signer = true;
        });
    assert_error(h.send(&[ix], &[&ua, &fake]), ErrorCode::ConstraintSeeds);
}

#[test]
fn rejects_bad_settings_with_precise_errors() {
    let mut h = Harness::new();
    let ua = h.upgrade_authority.insecure_clone();
    let cases: [fisc_tests::BadArgs<budget::TreasuryInitArgs, BudgetError>; 5] = [
        (
            |a| a.fiscal_year_start_month = 0,
            BudgetError::InvalidFiscalYearStartMonth,
        ),
        (
            |a| a.fiscal_year_start_month = 13,
            BudgetError::InvalidFiscalYearStartMonth,
        ),
        (
            |a| a.cancellation_years = 0,
            BudgetError::InvalidCancellationYears,
        ),
        (
            |a| a.cancellation_years = 31,
            BudgetError::InvalidCancellationYears,
        ),
        (
            |a| a.disbursement_authority = Pubkey::default(),
            BudgetError::InvalidDisbursementAuthority,
        ),
    ];
    for (mutate, expected) in cases {
        let mut args = treasury_init_args();
        mutate(&mut args);
        let ix = treasury_init_ix(&h, ua.pubkey(), args);
        assert_error(h.send(&[ix], &[&ua]), expected);
        assert!(h.data(&budget::pda::treasury()).is_none());
    }
}
