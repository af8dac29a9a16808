//! `registry_init`: the titles program's root instruction.

use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use fisc_tests::fixtures::{
    init_treasury, registry_init_args, registry_init_ix, CENTRAL_AUTHORITY,
};
use fisc_tests::{assert_error, padded, substituted, unsigned, Harness};
use solana_signer::Signer;
use titles::errors::TitlesError;
use titles::events::RegistryInitialized;
use titles::state::Registry;

#[test]
fn opens_a_registry_for_a_jurisdiction() {
    let mut h = Harness::new();
    init_treasury(&mut h);
    let central = h.signer(CENTRAL_AUTHORITY);
    let args = registry_init_args();
    let sent = h.send_ok(
        &[registry_init_ix(&h, central.pubkey(), args.clone())],
        &[&central],
    );

    let address = titles::pda::registry(&args.jurisdiction);
    let registry: Registry = h.account(&address);
    assert_eq!(registry.jurisdiction, args.jurisdiction);
    assert_eq!(registry.name, args.name);
    assert_eq!(registry.registrar, args.registrar);
    assert_eq!(registry.pending_registrar, Pubkey::default());
    assert_eq!(registry.property_count, 0);

    let event: RegistryInitialized = sent.event(&titles::ID);
    assert_eq!(event.registry, address);
    assert_eq!(event.registrar, args.registrar);
    assert_eq!(event.opened_by, central.pubkey());
}

#[test]
fn rejects_a_second_registry_for_the_same_jurisdiction() {
    let mut h = Harness::new();
    init_treasury(&mut h);
    let central = h.signer(CENTRAL_AUTHORITY);
    h.send_ok(
        &[registry_init_ix(&h, central.pubkey(), registry_init_args())],
        &[&central],
    );
    let mut again = registry_init_args();
    again.registrar = central.pubkey();
    let err = h
        .send(
            &[registry_init_ix(&h, central.pubkey(), again.clone())],
            &[&central],
        )
        .expect_err("reinit");
    fisc_tests::assert_logged(&err, "already in use");
    let registry: Registry = h.account(&titles::pda::registry(&again.jurisdiction));
    assert_eq!(registry.registrar, registry_init_args().registrar);
}

#[test]
fn only_the_central_authority_opens_registries() {
    let mut h = Harness::new();
    init_treasury(&mut h);
    let intruder = h.signer("intruder");
    let ix = registry_init_ix(&h, intruder.pubkey(), registry_init_args());
    assert_error(h.send(&[ix], &[&intruder]), ErrorCode::ConstraintHasOne);

    let central = h.signer(CENTRAL_AUTHORITY);
    let ix = unsigned(
        registry_init_ix(&h, central.pubkey(), registry_init_args()),
        &central.pubkey(),
    );
    assert_error(h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    assert!(h
        .data(&titles::pda::registry(&registry_init_args().jurisdiction))
        .is_none());
}

#[test]
fn rejects_a_treasury_that_is_not_the_budget_programs() {
    let mut h = Harness::new();
    init_treasury(&mut h);
    let central = h.signer(CENTRAL_AUTHORITY);
    // A look-alike account at another address: same bytes, but not the treasury PDA.
    let real = h.svm.get_account(&budget::pda::treasury()).unwrap();
    let fake = fisc_tests::address("fake-treasury");
    h.svm.set_account(fake, real).unwrap();
    let treasury = budget::pda::treasury();
    let ix = substituted(
        registry_init_ix(&h, central.pubkey(), registry_init_args()),
        &treasury,
        &fake,
    );
    assert_error(h.send(&[ix], &[&central]), ErrorCode::ConstraintAddress);
}

#[test]
fn rejects_malformed_codes_and_names() {
    let mut h = Harness::new();
    init_treasury(&mut h);
    let central = h.signer(CENTRAL_AUTHORITY);
    let mut bad_code = registry_init_args();
    bad_code.jurisdiction = [0; 8];
    let mut gap = registry_init_args();
    gap.jurisdiction = *b"US\0DC\0\0\0";
    let mut bad_name = registry_init_args();
    bad_name.name = padded("\u{7f}ok");
    bad_name.name[0] = 0xff;
    let mut no_registrar = registry_init_args();
    no_registrar.registrar = Pubkey::default();
    for (args, expected) in [
        (bad_code, TitlesError::InvalidJurisdiction),
        (gap, TitlesError::InvalidJurisdiction),
        (bad_name, TitlesError::InvalidName),
        (no_registrar, TitlesError::InvalidRegistrar),
    ] {
        let ix = registry_init_ix(&h, central.pubkey(), args);
        assert_error(h.send(&[ix], &[&central]), expected);
    }
}
