//! `config_init`: the disbursement program's root instruction.

use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use disbursement::errors::DisbursementError;
use disbursement::events::ConfigInitialized;
use disbursement::state::Config;
use fisc_tests::fixtures::config_init_ix;
use fisc_tests::{address, assert_error, unsigned, Harness};
use solana_signer::Signer;

#[test]
fn creates_the_config_with_the_authority_bump() {
    let mut h = Harness::new();
    let ua = h.upgrade_authority.insecure_clone();
    let admin = address("disbursement-admin");
    let sent = h.send_ok(&[config_init_ix(&h, ua.pubkey(), admin)], &[&ua]);

    let config: Config = h.account(&disbursement::pda::config());
    assert_eq!(config.admin, admin);
    let (authority, bump) = Pubkey::find_program_address(&[b"authority"], &disbursement::ID);
    assert_eq!(config.authority_bump, bump);

    let event: ConfigInitialized = sent.event(&disbursement::ID);
    assert_eq!(event.config, disbursement::pda::config());
    assert_eq!(event.admin, admin);
    assert_eq!(event.authority, authority);
}

#[test]
fn rejects_a_second_init() {
    let mut h = Harness::new();
    let ua = h.upgrade_authority.insecure_clone();
    h.send_ok(
        &[config_init_ix(&h, ua.pubkey(), address("admin-1"))],
        &[&ua],
    );
    let err = h
        .send(
            &[config_init_ix(&h, ua.pubkey(), address("admin-2"))],
            &[&ua],
        )
        .expect_err("reinit");
    fisc_tests::assert_logged(&err, "already in use");
    assert_eq!(
        h.account::<Config>(&disbursement::pda::config()).admin,
        address("admin-1")
    );
}

#[test]
fn rejects_a_missing_signature_and_strangers() {
    let mut h = Harness::new();
    let ua = h.upgrade_authority.pubkey();
    let ix = unsigned(config_init_ix(&h, ua, address("admin")), &ua);
    assert_error(h.send(&[ix], &[]), ErrorCode::AccountNotSigner);

    let intruder = h.signer("intruder");
    let ix = config_init_ix(&h, intruder.pubkey(), intruder.pubkey());
    assert_error(h.send(&[ix], &[&intruder]), ErrorCode::ConstraintRaw);
    assert!(h.data(&disbursement::pda::config()).is_none());
}

#[test]
fn rejects_a_default_admin() {
    let mut h = Harness::new();
    let ua = h.upgrade_authority.insecure_clone();
    let ix = config_init_ix(&h, ua.pubkey(), Pubkey::default());
    assert_error(h.send(&[ix], &[&ua]), DisbursementError::InvalidAdmin);
}
