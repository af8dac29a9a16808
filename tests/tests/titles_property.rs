//! Titles: registration, updates, transfers with both sides' consent, liens, freezes, disposal, building
//! records, and the registry's two-step registrar change.

use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use fisc_client::ix::titles as tix;
use fisc_tests::fixtures::Titles;
use fisc_tests::{assert_error, padded, substituted, unsigned};
use solana_signer::Signer;
use titles::errors::TitlesError;
use titles::events::{
    BuildingRecorded, LienRecorded, LienReleased, PropertyDisposed, PropertyRegistered,
    TransferAccepted, TransferCancelled,
};
use titles::state::Property;

const LIEN: &str = "DC-2026-000123";

#[test]
fn registers_a_property() {
    let mut t = Titles::new();
    let officer = t.officer.insecure_clone();
    let payer = t.w.h.payer.pubkey();
    let args = Titles::parcel("0165-0802");
    let sent =
        t.w.send(
            tix::property_register(
                payer,
                t.registry,
                t.w.agency,
                officer.pubkey(),
                true,
                args.clone(),
            ),
            &officer,
        )
        .unwrap();
    let address = titles::pda::property(&t.registry, &args.parcel_id);
    let p = t.property(&address);
    assert_eq!(
        (
            p.holder,
            p.registry,
            p.parcel_id,
            p.area_sq_m,
            p.transfer_seq
        ),
        (t.w.agency, t.registry, args.parcel_id, 5_100, 0)
    );
    let event: PropertyRegistered = sent.event(&titles::ID);
    assert_eq!(
        (
            event.property,
            event.holder,
            event.deed_hash,
            event.registered_by
        ),
        (address, t.w.agency, args.deed_hash, officer.pubkey())
    );
    // 200 bytes at most (also asserted at compile time in the program).
    assert_eq!(sent.created, vec![(address, 200)]);
    // The registrar may register too, without a membership; lamports someone sent to the title's
    // address beforehand do not block it (they are kept, topped up to rent exemption).
    let registrar = t.registrar.insecure_clone();
    let args = Titles::parcel("0165-0803");
    let prefunded = titles::pda::property(&t.registry, &args.parcel_id);
    t.w.h.svm.airdrop(&prefunded, 1_000_000).unwrap();
    let ix = tix::property_register(
        payer,
        t.registry,
        t.w.agency,
        registrar.pubkey(),
        false,
        args,
    );
    t.w.send(ix, &registrar).unwrap();
    let account = t.w.h.svm.get_account(&prefunded).unwrap();
    assert_eq!(
        (account.owner, account.data.len()),
        (titles::ID, Property::SPACE)
    );
    assert_eq!(
        account.lamports,
        t.w.h
            .svm
            .minimum_balance_for_rent_exemption(Property::SPACE)
    );
    assert_eq!(t.property(&prefunded).holder, t.w.agency);
    assert_eq!(
        t.w.h
            .account::<titles::state::Registry>(&t.registry)
            .property_count,
        2
    );
}

#[test]
fn registration_attacks() {
    let mut t = Titles::new();
    let payer = t.w.h.payer.pubkey();
    let officer = t.officer.insecure_clone();
    let other = t.other_officer.insecure_clone();
    // One title per parcel.
    t.register("0165-0802");
    let err =
        t.w.send(
            tix::property_register(
                payer,
                t.registry,
                t.w.agency,
                officer.pubkey(),
                true,
                Titles::parcel("0165-0802"),
            ),
            &officer,
        )
        .unwrap_err();
    assert!(err.meta.logs.iter().any(|l| l.contains("already in use")));
    // Another agency's property officer registering for agency 075.
    let ix = tix::property_register(
        payer,
        t.registry,
        t.w.agency,
        other.pubkey(),
        true,
        Titles::parcel("X-1"),
    );
    let ix = substituted(
        ix,
        &budget::pda::member(&t.w.agency, &other.pubkey()),
        &budget::pda::member(&t.other_agency, &other.pubkey()),
    );
    assert_error(t.w.send(ix, &other), TitlesError::NotAMember);
    // The title at any address but the parcel's canonical PDA: another parcel's, the same seeds at a
    // lower bump (a second title for the parcel), a key off the PDA space.
    let args = Titles::parcel("X-0");
    let canonical = titles::pda::property(&t.registry, &args.parcel_id);
    let seeds: [&[u8]; 3] = [
        titles::constants::SEED_PROPERTY,
        t.registry.as_ref(),
        &args.parcel_id,
    ];
    let (_, bump) = Pubkey::find_program_address(&seeds, &titles::ID);
    let lower = (0..bump)
        .rev()
        .find_map(|b| {
            Pubkey::create_program_address(&[seeds[0], seeds[1], seeds[2], &[b]], &titles::ID).ok()
        })
        .expect("an off-curve bump below the canonical one");
    for wrong in [
        titles::pda::property(&t.registry, &padded("X-9")),
        lower,
        Pubkey::new_unique(),
    ] {
        let ix = tix::property_register(
            payer,
            t.registry,
            t.w.agency,
            officer.pubkey(),
            true,
            args.clone(),
        );
        let ix = substituted(ix, &canonical, &wrong);
        assert_error(t.w.send(ix, &officer), ErrorCode::ConstraintSeeds);
        assert!(t
            .w
            .h
            .svm
            .get_account(&wrong)
            .is_none_or(|a| a.lamports == 0));
    }
    // A budget officer (no property role); a stranger without membership claiming to be the registrar.
    let budget_officer = t.w.officer.insecure_clone();
    let ix = tix::property_register(
        payer,
        t.registry,
        t.w.agency,
        budget_officer.pubkey(),
        true,
        Titles::parcel("X-2"),
    );
    assert_error(
        t.w.send(ix, &budget_officer),
        TitlesError::NotPropertyOfficer,
    );
    let stranger = t.w.h.signer("stranger");
    let ix = tix::property_register(
        payer,
        t.registry,
        t.w.agency,
        stranger.pubkey(),
        false,
        Titles::parcel("X-3"),
    );
    assert_error(t.w.send(ix, &stranger), TitlesError::NotPropertyOfficer);
    // Missing signature; malformed fields.
    let ix = unsigned(
        tix::property_register(
            payer,
            t.registry,
            t.w.agency,
            officer.pubkey(),
            true,
            Titles::parcel("X-4"),
        ),
        &officer.pubkey(),
    );
    assert_error(t.w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    let bad: [fisc_tests::BadArgs<titles::PropertyRegisterArgs, TitlesError>; 3] = [
        (|a| a.parcel_id = [0; 24], TitlesError::InvalidParcelId),
        (|a| a.kind = 3, TitlesError::InvalidKind),
        (|a| a.latitude = 91_000_000, TitlesError::InvalidCoordinates),
    ];
    for (mutate, expected) in bad {
        let mut args = Titles::parcel("X-5");
        mutate(&mut args);
        assert_error(
            t.w.send(
                tix::property_register(payer, t.registry, t.w.agency, officer.pubkey(), true, args),
                &officer,
            ),
            expected,
        );
    }
}

#[test]
fn a_transfer_needs_the_holders_offer_and_the_receivers_acceptance() {
    let mut t = Titles::new();
    let property = t.register("0165-0802");
    let officer = t.officer.insecure_clone();
    let other = t.other_officer.insecure_clone();
    let (agency, other_agency) = (t.w.agency, t.other_agency);

    // Only the holder offers.
    let ix = tix::title_transfer_offer(property, other_agency, other.pubkey(), agency);
    assert_error(t.w.send(ix, &other), TitlesError::PropertyMismatch);
    t.w.send(
        tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
        &officer,
    )
    .unwrap();
    // Only the receiver accepts (the holder cannot accept its own offer).
    assert_error(
        t.w.send(
            tix::title_transfer_accept(property, agency, officer.pubkey(), officer.pubkey()),
            &officer,
        ),
        TitlesError::NotReceiver,
    );
    let ix = unsigned(
        tix::title_transfer_accept(property, other_agency, other.pubkey(), officer.pubkey()),
        &other.pubkey(),
    );
    assert_error(t.w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);

    let sent =
        t.w.send(
            tix::title_transfer_accept(property, other_agency, other.pubkey(), officer.pubkey()),
            &other,
        )
        .unwrap();
    let event: TransferAccepted = sent.event(&titles::ID);
    assert_eq!(
        (event.previous_holder, event.holder, event.transfer_seq),
        (agency, other_agency, 1)
    );
    let p = t.property(&property);
    assert_eq!((p.holder, p.transfer_seq), (other_agency, 1));
    assert!(t.w.h.data(&titles::pda::offer(&property)).is_none());
    // Replayed acceptance: the offer is gone.
    assert_error(
        t.w.send(
            tix::title_transfer_accept(property, other_agency, other.pubkey(), officer.pubkey()),
            &other,
        ),
        ErrorCode::AccountNotInitialized,
    );
    // The old holder can no longer offer it; the new one can.
    assert_error(
        t.w.send(
            tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
            &officer,
        ),
        TitlesError::PropertyMismatch,
    );
    t.w.send(
        tix::title_transfer_offer(property, other_agency, other.pubkey(), agency),
        &other,
    )
    .unwrap();
    // Either side may cancel a pending offer.
    let sent =
        t.w.send(
            tix::title_transfer_cancel(property, agency, officer.pubkey(), other.pubkey()),
            &officer,
        )
        .unwrap();
    assert_eq!(
        sent.event::<TransferCancelled>(&titles::ID).cancelled_by,
        officer.pubkey()
    );
    assert_eq!(t.property(&property).holder, other_agency);
}

#[test]
fn liens_block_transfers_until_released() {
    let mut t = Titles::new();
    let property = t.register("0165-0802");
    let officer = t.officer.insecure_clone();
    let other = t.other_officer.insecure_clone();
    let bank = t.lien_holder.insecure_clone();
    let (agency, other_agency) = (t.w.agency, t.other_agency);
    let lien = titles::LienRecordArgs {
        lien_id: padded(LIEN),
        amount: 1_000_000,
        document_hash: [7; 32],
    };

    // A forged lien holder (not authorised) cannot record: its (zero-copy) authorisation account is
    // empty, owned by the system program.
    let forger = t.w.h.signer("forger");
    assert_error(
        t.w.send(
            tix::lien_record(property, t.registry, forger.pubkey(), lien.clone()),
            &forger,
        ),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    let ix = substituted(
        tix::lien_record(property, t.registry, forger.pubkey(), lien.clone()),
        &titles::pda::lien_holder(&t.registry, &forger.pubkey()),
        &titles::pda::lien_holder(&t.registry, &bank.pubkey()),
    );
    assert_error(t.w.send(ix, &forger), TitlesError::LienHolderNotAuthorized);
    // The lien at another address than its PDA (another lien id's, another property's).
    for wrong in [
        titles::pda::lien(&property, &bank.pubkey(), &padded("OTHER")),
        titles::pda::lien(&t.registry, &bank.pubkey(), &padded(LIEN)),
    ] {
        let ix = substituted(
            tix::lien_record(property, t.registry, bank.pubkey(), lien.clone()),
            &titles::pda::lien(&property, &bank.pubkey(), &padded(LIEN)),
            &wrong,
        );
        assert_error(t.w.send(ix, &bank), ErrorCode::ConstraintSeeds);
    }
    assert_eq!(t.property(&property).active_liens, 0);

    // An offer made before the lien cannot be accepted after it.
    t.w.send(
        tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
        &officer,
    )
    .unwrap();
    let sent =
        t.w.send(
            tix::lien_record(property, t.registry, bank.pubkey(), lien.clone()),
            &bank,
        )
        .unwrap();
    assert_eq!(sent.event::<LienRecorded>(&titles::ID).active_liens, 1);
    assert_error(
        t.w.send(
            tix::title_transfer_accept(property, other_agency, other.pubkey(), officer.pubkey()),
            &other,
        ),
        TitlesError::LienActive,
    );
    t.w.send(
        tix::title_transfer_cancel(property, other_agency, other.pubkey(), officer.pubkey()),
        &other,
    )
    .unwrap();
    assert_error(
        t.w.send(
            tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
            &officer,
        ),
        TitlesError::LienActive,
    );

    // Several liens; only their holder releases each.
    let second = titles::LienRecordArgs {
        lien_id: padded("DC-2026-000124"),
        ..lien.clone()
    };
    t.w.send(
        tix::lien_record(property, t.registry, bank.pubkey(), second),
        &bank,
    )
    .unwrap();
    assert_eq!(t.property(&property).active_liens, 2);
    let ix = substituted(
        tix::lien_release(property, forger.pubkey(), &padded(LIEN)),
        &titles::pda::lien(&property, &forger.pubkey(), &padded(LIEN)),
        &titles::pda::lien(&property, &bank.pubkey(), &padded(LIEN)),
    );
    assert_error(t.w.send(ix, &forger), TitlesError::LienHolderNotAuthorized);
    let sent =
        t.w.send(
            tix::lien_release(property, bank.pubkey(), &padded(LIEN)),
            &bank,
        )
        .unwrap();
    assert_eq!(sent.event::<LienReleased>(&titles::ID).active_liens, 1);
    t.w.send(
        tix::lien_release(property, bank.pubkey(), &padded("DC-2026-000124")),
        &bank,
    )
    .unwrap();
    // Free again.
    t.w.send(
        tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
        &officer,
    )
    .unwrap();
    t.w.send(
        tix::title_transfer_accept(property, other_agency, other.pubkey(), officer.pubkey()),
        &other,
    )
    .unwrap();

    // A revoked lien holder records no more.
    let registrar = t.registrar.insecure_clone();
    let payer = t.w.h.payer.pubkey();
    t.w.send(
        tix::lien_holder_set(payer, t.registry, registrar.pubkey(), bank.pubkey(), false),
        &registrar,
    )
    .unwrap();
    let third = titles::LienRecordArgs {
        lien_id: padded("DC-2026-000125"),
        ..lien
    };
    assert_error(
        t.w.send(
            tix::lien_record(property, t.registry, bank.pubkey(), third),
            &bank,
        ),
        TitlesError::LienHolderNotAuthorized,
    );
}

#[test]
fn freezes_and_disposal() {
    let mut t = Titles::new();
    let property = t.register("0165-0802");
    let officer = t.officer.insecure_clone();
    let other = t.other_officer.insecure_clone();
    let registrar = t.registrar.insecure_clone();
    let (agency, other_agency) = (t.w.agency, t.other_agency);

    // Only the registrar freezes.
    assert_error(
        t.w.send(
            tix::property_freeze_set(property, t.registry, officer.pubkey(), true, [1; 32]),
            &officer,
        ),
        TitlesError::NotRegistrar,
    );
    t.w.send(
        tix::property_freeze_set(property, t.registry, registrar.pubkey(), true, [1; 32]),
        &registrar,
    )
    .unwrap();
    assert_error(
        t.w.send(
            tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
            &officer,
        ),
        TitlesError::Frozen,
    );
    let dispose = titles::PropertyDisposeArgs {
        disposal_kind: 0,
        price: 20_000_000_000,
        buyer: Pubkey::new_unique(),
        document_hash: [9; 32],
    };
    assert_error(
        t.w.send(
            tix::property_dispose(property, agency, officer.pubkey(), dispose.clone()),
            &officer,
        ),
        TitlesError::Frozen,
    );
    t.w.send(
        tix::property_freeze_set(property, t.registry, registrar.pubkey(), false, [2; 32]),
        &registrar,
    )
    .unwrap();

    // Disposal: only the holder's property officer; then the title never moves again.
    assert_error(
        t.w.send(
            tix::property_dispose(property, other_agency, other.pubkey(), dispose.clone()),
            &other,
        ),
        TitlesError::PropertyMismatch,
    );
    let sent =
        t.w.send(
            tix::property_dispose(property, agency, officer.pubkey(), dispose.clone()),
            &officer,
        )
        .unwrap();
    assert_eq!(
        sent.event::<PropertyDisposed>(&titles::ID).price,
        20_000_000_000
    );
    assert!(t.property(&property).is_disposed());
    assert_error(
        t.w.send(
            tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
            &officer,
        ),
        TitlesError::Disposed,
    );
    assert_error(
        t.w.send(
            tix::property_dispose(property, agency, officer.pubkey(), dispose),
            &officer,
        ),
        TitlesError::Disposed,
    );
    let record = titles::BuildingRecordArgs {
        sequence: 0,
        record_kind: 0,
        date: 0,
        cost: 0,
        document_hash: [0; 32],
        payment_request: Pubkey::default(),
    };
    assert_error(
        t.w.send(
            tix::building_record_add(property, agency, officer.pubkey(), record),
            &officer,
        ),
        TitlesError::Disposed,
    );
}

#[test]
fn updates_and_building_records() {
    let mut t = Titles::new();
    let property = t.register("0165-0802");
    let officer = t.officer.insecure_clone();
    let other = t.other_officer.insecure_clone();
    let agency = t.w.agency;
    t.w.send(
        tix::property_update(property, agency, officer.pubkey(), 4, 85, 3),
        &officer,
    )
    .unwrap();
    let p = t.property(&property);
    assert_eq!((p.use_code, p.occupancy, p.condition), (4, 85, 3));
    assert_error(
        t.w.send(
            tix::property_update(property, agency, officer.pubkey(), 4, 101, 3),
            &officer,
        ),
        TitlesError::InvalidUpdate,
    );
    let ix = substituted(
        tix::property_update(property, agency, other.pubkey(), 1, 1, 1),
        &budget::pda::member(&agency, &other.pubkey()),
        &budget::pda::member(&t.other_agency, &other.pubkey()),
    );
    assert_error(t.w.send(ix, &other), TitlesError::NotAMember);

    let payment = Pubkey::new_unique();
    let record = titles::BuildingRecordArgs {
        sequence: 0,
        record_kind: 1,
        date: 1_780_000_000,
        cost: 45_000,
        document_hash: [3; 32],
        payment_request: payment,
    };
    let sent =
        t.w.send(
            tix::building_record_add(property, agency, officer.pubkey(), record.clone()),
            &officer,
        )
        .unwrap();
    let event: BuildingRecorded = sent.event(&titles::ID);
    assert_eq!(
        (
            event.record_kind,
            event.cost,
            event.payment_request,
            event.holder
        ),
        (1, 45_000, payment, agency)
    );
    assert_eq!(
        (event.sequence, t.property(&property).building_records),
        (0, 1)
    );
    // A second copy of the same record (a retry that lands after the first) is refused; the property
    // and the history are unchanged.
    let before = t.property(&property);
    assert_error(
        t.w.send(
            tix::building_record_add(property, agency, officer.pubkey(), record.clone()),
            &officer,
        ),
        TitlesError::RecordSequenceChanged,
    );
    assert_eq!(t.property(&property), before);
    let next = titles::BuildingRecordArgs {
        sequence: 1,
        ..record.clone()
    };
    let sent =
        t.w.send(
            tix::building_record_add(property, agency, officer.pubkey(), next),
            &officer,
        )
        .unwrap();
    assert_eq!(sent.event::<BuildingRecorded>(&titles::ID).sequence, 1);
    assert_eq!(t.property(&property).building_records, 2);
    assert!(
        sent.created.is_empty(),
        "building records are history: events only"
    );
    let bad = titles::BuildingRecordArgs {
        sequence: 0,
        record_kind: 4,
        ..record
    };
    assert_error(
        t.w.send(
            tix::building_record_add(property, agency, officer.pubkey(), bad),
            &officer,
        ),
        TitlesError::InvalidRecordKind,
    );
}

#[test]
fn registrar_changes_in_two_steps() {
    let mut t = Titles::new();
    let registrar = t.registrar.insecure_clone();
    let next = t.w.h.signer("next-registrar");
    let stranger = t.w.h.signer("stranger");
    assert_error(
        t.w.send(
            tix::registry_registrar_propose(t.registry, stranger.pubkey(), stranger.pubkey()),
            &stranger,
        ),
        TitlesError::NotRegistrar,
    );
    assert_error(
        t.w.send(
            tix::registry_registrar_accept(t.registry, next.pubkey()),
            &next,
        ),
        TitlesError::NotPendingRegistrar,
    );
    t.w.send(
        tix::registry_registrar_propose(t.registry, registrar.pubkey(), next.pubkey()),
        &registrar,
    )
    .unwrap();
    assert_error(
        t.w.send(
            tix::registry_registrar_accept(t.registry, stranger.pubkey()),
            &stranger,
        ),
        TitlesError::NotPendingRegistrar,
    );
    t.w.send(
        tix::registry_registrar_accept(t.registry, next.pubkey()),
        &next,
    )
    .unwrap();
    assert_eq!(
        t.w.h
            .account::<titles::state::Registry>(&t.registry)
            .registrar,
        next.pubkey()
    );
    let property = t.register("0165-0802");
    assert_error(
        t.w.send(
            tix::property_freeze_set(property, t.registry, registrar.pubkey(), true, [0; 32]),
            &registrar,
        ),
        TitlesError::NotRegistrar,
    );
    t.w.send(
        tix::property_freeze_set(property, t.registry, next.pubkey(), true, [0; 32]),
        &next,
    )
    .unwrap();
}

#[test]
fn another_registrys_registrar_cannot_freeze() {
    let mut t = Titles::new();
    let property = t.register("0165-0802");
    // A second registry, with its own registrar, passed with a property of the first.
    let central = t.w.central.insecure_clone();
    let payer = t.w.h.payer.pubkey();
    let rogue = t.w.h.signer("md-registrar");
    let args = titles::RegistryInitArgs {
        jurisdiction: padded("US-MD"),
        name: padded("Maryland"),
        registrar: rogue.pubkey(),
    };
    t.w.send(tix::registry_init(payer, central.pubkey(), args), &central)
        .unwrap();
    let other_registry = titles::pda::registry(&padded("US-MD"));
    let ix = tix::property_freeze_set(property, other_registry, rogue.pubkey(), true, [0; 32]);
    assert_error(t.w.send(ix, &rogue), TitlesError::PropertyMismatch);
    assert!(!t.property(&property).is_frozen());
}

/// Writes `value` into the property's field at `offset` (a `Property` field offset) in the SVM.
fn set_field(t: &mut Titles, property: &Pubkey, offset: usize, value: &[u8]) {
    let mut account =
        t.w.h
            .svm
            .get_account(property)
            .expect("the property exists");
    // Past the 8-byte discriminator, the zero-copy fields in order.
    account.data[8 + offset..8 + offset + value.len()].copy_from_slice(value);
    t.w.h
        .svm
        .set_account(*property, account)
        .expect("set the property");
}

#[test]
fn counters_at_their_limit_fail_with_a_precise_error() {
    let mut t = Titles::new();
    let property = t.register("0165-0802");
    let officer = t.officer.insecure_clone();
    let bank = t.lien_holder.insecure_clone();
    let (agency, other_agency) = (t.w.agency, t.other_agency);

    // 255 active liens: one more is refused, nothing changes.
    set_field(
        &mut t,
        &property,
        core::mem::offset_of!(Property, active_liens),
        &[u8::MAX],
    );
    let before = t.property(&property);
    let lien = titles::LienRecordArgs {
        lien_id: padded(LIEN),
        amount: 1,
        document_hash: [7; 32],
    };
    assert_error(
        t.w.send(
            tix::lien_record(property, t.registry, bank.pubkey(), lien),
            &bank,
        ),
        TitlesError::TooManyLiens,
    );
    assert_eq!(t.property(&property), before);
    set_field(
        &mut t,
        &property,
        core::mem::offset_of!(Property, active_liens),
        &[0],
    );

    // 65,535 building records: the next is refused.
    let at = core::mem::offset_of!(Property, building_records);
    set_field(&mut t, &property, at, &u16::MAX.to_le_bytes());
    let record = titles::BuildingRecordArgs {
        sequence: u16::MAX,
        record_kind: 0,
        date: 0,
        cost: 0,
        document_hash: [0; 32],
        payment_request: Pubkey::default(),
    };
    assert_error(
        t.w.send(
            tix::building_record_add(property, agency, officer.pubkey(), record),
            &officer,
        ),
        TitlesError::BuildingRecordsFull,
    );

    // 65,535 transfers: the acceptance that would be the next is refused, the title stays.
    let other = t.other_officer.insecure_clone();
    t.w.send(
        tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
        &officer,
    )
    .unwrap();
    let at = core::mem::offset_of!(Property, transfer_seq);
    set_field(&mut t, &property, at, &u16::MAX.to_le_bytes());
    assert_error(
        t.w.send(
            tix::title_transfer_accept(property, other_agency, other.pubkey(), officer.pubkey()),
            &other,
        ),
        TitlesError::TitleChainFull,
    );
    assert_eq!(t.property(&property).holder, agency);
}

/// A parcel is registered by the registry's registrar, or by a property officer of an active agency
/// the registrar authorised for that registry; never for a deactivated agency.
#[test]
fn only_the_registrar_or_an_agency_it_authorised_registers() {
    let mut t = Titles::new();
    let payer = t.w.h.payer.pubkey();
    let registrar = t.registrar.insecure_clone();
    let other = t.other_officer.insecure_clone();
    let register = |agency: Pubkey, signer: &Pubkey, officer: bool, parcel: &str| {
        tix::property_register(
            payer,
            t.registry,
            agency,
            *signer,
            officer,
            Titles::parcel(parcel),
        )
    };
    // Only the registrar authorises.
    assert_error(
        t.w.send(
            tix::registry_agency_set(payer, t.registry, other.pubkey(), t.other_agency, true),
            &other,
        ),
        TitlesError::NotRegistrar,
    );
    let sent =
        t.w.send(
            tix::registry_agency_set(payer, t.registry, registrar.pubkey(), t.other_agency, false),
            &registrar,
        )
        .unwrap();
    let event: titles::events::RegistryAgencySet = sent.event(&titles::ID);
    assert_eq!((event.agency, event.active), (t.other_agency, false));
    // Before: any agency's property officer registered any parcel in any registry.
    assert_error(
        t.w.send(
            register(t.other_agency, &other.pubkey(), true, "Y-1"),
            &other,
        ),
        TitlesError::AgencyNotAuthorized,
    );
    // Another agency's authorisation for this one's.
    let ix = substituted(
        register(t.other_agency, &other.pubkey(), true, "Y-2"),
        &titles::pda::registry_agency(&t.registry, &t.other_agency),
        &titles::pda::registry_agency(&t.registry, &t.w.agency),
    );
    assert_error(t.w.send(ix, &other), TitlesError::AgencyNotAuthorized);
    // An agency never authorised: its authorisation account does not exist.
    let third = fisc_tests::address("agency-never-authorised");
    let ix = substituted(
        register(t.other_agency, &other.pubkey(), true, "Y-3"),
        &titles::pda::registry_agency(&t.registry, &t.other_agency),
        &titles::pda::registry_agency(&t.registry, &third),
    );
    assert_error(t.w.send(ix, &other), ErrorCode::AccountOwnedByWrongProgram);
    assert!(t
        .w
        .h
        .data(&titles::pda::property(&t.registry, &padded("Y-1")))
        .is_none());
    // The registrar still registers for it; re-authorised, its officer does again.
    t.w.send(
        register(t.other_agency, &registrar.pubkey(), false, "Y-4"),
        &registrar,
    )
    .unwrap();
    t.w.send(
        tix::registry_agency_set(payer, t.registry, registrar.pubkey(), t.other_agency, true),
        &registrar,
    )
    .unwrap();
    t.w.send(
        register(t.other_agency, &other.pubkey(), true, "Y-5"),
        &other,
    )
    .unwrap();

    // A deactivated agency registers nothing, by its officer or the registrar.
    let central = t.w.central.insecure_clone();
    t.w.send(
        fisc_client::ix::budget::agency_deactivate(central.pubkey(), t.other_agency),
        &central,
    )
    .unwrap();
    assert_error(
        t.w.send(
            register(t.other_agency, &other.pubkey(), true, "Y-6"),
            &other,
        ),
        TitlesError::AgencyInactive,
    );
    assert_error(
        t.w.send(
            register(t.other_agency, &registrar.pubkey(), false, "Y-7"),
            &registrar,
        ),
        TitlesError::AgencyInactive,
    );
}

/// The registrar voids a registration made in error, with a reason in the event; only a title never
/// transferred, without an active lien or a pending offer.
#[test]
fn the_registrar_voids_a_registration_made_in_error() {
    let mut t = Titles::new();
    let property = t.register("0165-0802");
    let registrar = t.registrar.insecure_clone();
    let officer = t.officer.insecure_clone();
    let reason: [u8; titles::constants::VOID_REASON_LEN] = padded("parcel belongs to US-MD");
    let registry = t.registry;
    let void = move |property: Pubkey, signer: &Pubkey, reason| {
        tix::property_void(registry, *signer, property, reason)
    };
    assert_error(
        t.w.send(void(property, &officer.pubkey(), reason), &officer),
        TitlesError::NotRegistrar,
    );
    assert_error(
        t.w.send(void(property, &registrar.pubkey(), [0; 64]), &registrar),
        TitlesError::InvalidReason,
    );
    let before = t.w.h.svm.get_balance(&registrar.pubkey()).unwrap_or(0);
    let rent = t.w.h.svm.get_balance(&property).unwrap();
    let sent =
        t.w.send(void(property, &registrar.pubkey(), reason), &registrar)
            .unwrap();
    let event: titles::events::PropertyVoided = sent.event(&titles::ID);
    assert_eq!(
        (event.property, event.holder, event.reason, event.parcel_id),
        (property, t.w.agency, reason, padded("0165-0802"))
    );
    assert!(t.w.h.data(&property).is_none(), "the title is closed");
    assert_eq!(
        t.w.h.svm.get_balance(&registrar.pubkey()).unwrap(),
        before + rent
    );
    // Replay: nothing left to void. The parcel can be registered again, correctly.
    assert_error(
        t.w.send(void(property, &registrar.pubkey(), reason), &registrar),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    let again = t.register("0165-0802");
    assert_eq!(again, property);

    // A title with a pending offer, a lien, or a transfer behind it is not voided.
    let (agency, other_agency) = (t.w.agency, t.other_agency);
    t.w.send(
        tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
        &officer,
    )
    .unwrap();
    assert_error(
        t.w.send(void(property, &registrar.pubkey(), reason), &registrar),
        TitlesError::TitleInUse,
    );
    let other = t.other_officer.insecure_clone();
    t.w.send(
        tix::title_transfer_accept(property, other_agency, other.pubkey(), officer.pubkey()),
        &other,
    )
    .unwrap();
    assert_error(
        t.w.send(void(property, &registrar.pubkey(), reason), &registrar),
        TitlesError::TitleInUse,
    );
    let liened = t.register("0165-0900");
    let bank = t.lien_holder.insecure_clone();
    let lien = titles::LienRecordArgs {
        lien_id: padded(LIEN),
        amount: 1_000_000,
        document_hash: [7; 32],
    };
    t.w.send(
        tix::lien_record(liened, t.registry, bank.pubkey(), lien),
        &bank,
    )
    .unwrap();
    assert_error(
        t.w.send(void(liened, &registrar.pubkey(), reason), &registrar),
        TitlesError::TitleInUse,
    );
    assert_eq!(t.property(&liened).active_liens, 1);
}
