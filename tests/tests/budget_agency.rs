//! Agencies (register, two-step admin change, deactivation) and members' roles.

use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use budget::errors::BudgetError;
use budget::events::{
    AgencyAdminAccepted, AgencyDeactivated, AgencyRegistered, MemberRolesChanged,
};
use budget::state::{Agency, Member, Role};
use fisc_client::ix::budget as bix;
use fisc_tests::fixtures::{World, AUTHORIZED};
use fisc_tests::{address, assert_error, padded, substituted, unsigned};
use solana_signer::Signer;

fn register_args(code: &str, admin: Pubkey) -> budget::AgencyRegisterArgs {
    budget::AgencyRegisterArgs {
        code: padded(code),
        name: padded("Department of Energy"),
        admin,
    }
}

#[test]
fn the_central_authority_registers_agencies() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    let admin = address("agency-089-admin");
    let payer = w.h.payer.pubkey();
    let sent = w
        .send(
            bix::agency_register(payer, central.pubkey(), register_args("089", admin)),
            &central,
        )
        .unwrap();
    let agency_key = budget::pda::agency(&padded("089"));
    let agency: Agency = w.h.account(&agency_key);
    assert_eq!(
        (agency.admin, agency.is_active(), agency.code),
        (admin, true, padded("089"))
    );
    let event: AgencyRegistered = sent.event(&budget::ID);
    assert_eq!(
        (event.agency, event.admin, event.registered_by),
        (agency_key, admin, central.pubkey())
    );
}

#[test]
fn agency_registration_attacks() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    let intruder = w.h.signer("intruder");
    let payer = w.h.payer.pubkey();
    let admin = address("agency-089-admin");
    // A stranger, a missing signature.
    assert_error(
        w.send(
            bix::agency_register(payer, intruder.pubkey(), register_args("089", admin)),
            &intruder,
        ),
        BudgetError::NotCentralAuthority,
    );
    let ix = unsigned(
        bix::agency_register(payer, central.pubkey(), register_args("089", admin)),
        &central.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    // Reinitialisation: the code `075` exists; its admin stays.
    let err = w
        .send(
            bix::agency_register(
                payer,
                central.pubkey(),
                register_args("075", intruder.pubkey()),
            ),
            &central,
        )
        .unwrap_err();
    assert!(err.meta.logs.iter().any(|l| l.contains("already in use")));
    assert_eq!(w.h.account::<Agency>(&w.agency).admin, w.admin.pubkey());
    // Malformed input.
    let mut bad = register_args("089", admin);
    bad.code = [0; 8];
    assert_error(
        w.send(bix::agency_register(payer, central.pubkey(), bad), &central),
        BudgetError::InvalidAgencyCode,
    );
    let mut bad = register_args("089", admin);
    bad.name = [0; 48];
    assert_error(
        w.send(bix::agency_register(payer, central.pubkey(), bad), &central),
        BudgetError::InvalidName,
    );
    assert_error(
        w.send(
            bix::agency_register(
                payer,
                central.pubkey(),
                register_args("089", Pubkey::default()),
            ),
            &central,
        ),
        BudgetError::InvalidAddress,
    );
}

#[test]
fn agency_admin_changes_in_two_steps() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let next = w.h.signer("next-admin");
    let intruder = w.h.signer("intruder");
    let agency = w.agency;

    assert_error(
        w.send(
            bix::agency_admin_propose(agency, intruder.pubkey(), intruder.pubkey()),
            &intruder,
        ),
        BudgetError::NotAgencyAdmin,
    );
    assert_error(
        w.send(bix::agency_admin_accept(agency, next.pubkey()), &next),
        BudgetError::NotPendingAuthority,
    );
    w.send(
        bix::agency_admin_propose(agency, admin.pubkey(), next.pubkey()),
        &admin,
    )
    .unwrap();
    assert_error(
        w.send(
            bix::agency_admin_accept(agency, intruder.pubkey()),
            &intruder,
        ),
        BudgetError::NotPendingAuthority,
    );
    let ix = unsigned(
        bix::agency_admin_accept(agency, next.pubkey()),
        &next.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    let sent = w
        .send(bix::agency_admin_accept(agency, next.pubkey()), &next)
        .unwrap();
    let event: AgencyAdminAccepted = sent.event(&budget::ID);
    assert_eq!(
        (event.previous, event.admin),
        (admin.pubkey(), next.pubkey())
    );

    // The old admin can no longer grant roles; the new one can.
    let payer = w.h.payer.pubkey();
    let someone = address("someone");
    assert_error(
        w.send(
            bix::member_roles_set(payer, agency, admin.pubkey(), someone, Role::REQUESTER),
            &admin,
        ),
        BudgetError::NotAgencyAdmin,
    );
    w.send(
        bix::member_roles_set(payer, agency, next.pubkey(), someone, Role::REQUESTER),
        &next,
    )
    .unwrap();
}

#[test]
fn roles_are_granted_changed_and_revoked_by_the_admin() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let payer = w.h.payer.pubkey();
    let clerk = address("clerk");
    let member_key = budget::pda::member(&w.agency, &clerk);

    let roles = Role::REQUESTER | Role::APPROVER;
    let sent = w
        .send(
            bix::member_roles_set(payer, w.agency, admin.pubkey(), clerk, roles),
            &admin,
        )
        .unwrap();
    let event: MemberRolesChanged = sent.event(&budget::ID);
    assert_eq!(
        (event.previous_roles, event.roles, event.member),
        (0, roles, clerk)
    );
    let member: Member = w.h.account(&member_key);
    assert!(
        member.has(Role::REQUESTER)
            && member.has(Role::APPROVER)
            && !member.has(Role::BUDGET_OFFICER)
    );

    let sent = w
        .send(
            bix::member_roles_set(payer, w.agency, admin.pubkey(), clerk, 0),
            &admin,
        )
        .unwrap();
    assert_eq!(
        sent.event::<MemberRolesChanged>(&budget::ID).previous_roles,
        roles
    );
    let member: Member = w.h.account(&member_key);
    assert_eq!(
        (member.roles, member.member, member.agency),
        (0, clerk, w.agency)
    );
}

#[test]
fn role_attacks() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let intruder = w.h.signer("intruder");
    let payer = w.h.payer.pubkey();
    let agency = w.agency;
    // A stranger cannot grant himself the budget officer role; nor without the admin's signature.
    assert_error(
        w.send(
            bix::member_roles_set(
                payer,
                agency,
                intruder.pubkey(),
                intruder.pubkey(),
                Role::ALL,
            ),
            &intruder,
        ),
        BudgetError::NotAgencyAdmin,
    );
    let ix = unsigned(
        bix::member_roles_set(payer, agency, admin.pubkey(), intruder.pubkey(), Role::ALL),
        &admin.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    // Unknown flags.
    assert_error(
        w.send(
            bix::member_roles_set(payer, agency, admin.pubkey(), intruder.pubkey(), 1 << 7),
            &admin,
        ),
        BudgetError::InvalidRoles,
    );
    // The admin of another agency cannot grant roles here.
    let central = w.central.insecure_clone();
    let other_admin = w.h.signer("agency-089-admin");
    let args = budget::AgencyRegisterArgs {
        code: padded("089"),
        name: padded("Energy"),
        admin: other_admin.pubkey(),
    };
    w.send(
        bix::agency_register(payer, central.pubkey(), args),
        &central,
    )
    .unwrap();
    assert_error(
        w.send(
            bix::member_roles_set(
                payer,
                agency,
                other_admin.pubkey(),
                intruder.pubkey(),
                Role::ALL,
            ),
            &other_admin,
        ),
        BudgetError::NotAgencyAdmin,
    );
    // A member account derived for another key is refused (substituted PDA).
    let ix = bix::member_roles_set(
        payer,
        agency,
        admin.pubkey(),
        intruder.pubkey(),
        Role::REQUESTER,
    );
    let ours = budget::pda::member(&agency, &intruder.pubkey());
    let ix = substituted(
        ix,
        &ours,
        &budget::pda::member(&agency, &w.officer.pubkey()),
    );
    assert_error(w.send(ix, &admin), ErrorCode::ConstraintSeeds);
}

#[test]
fn a_deactivated_agency_takes_no_new_members_accounts_or_obligations() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    let intruder = w.h.signer("intruder");
    assert_error(
        w.send(
            bix::agency_deactivate(intruder.pubkey(), w.agency),
            &intruder,
        ),
        BudgetError::NotCentralAuthority,
    );
    let sent = w
        .send(bix::agency_deactivate(central.pubkey(), w.agency), &central)
        .unwrap();
    assert_eq!(
        sent.event::<AgencyDeactivated>(&budget::ID).agency,
        w.agency
    );
    assert!(!w.h.account::<Agency>(&w.agency).is_active());
    // Replay.
    assert_error(
        w.send(bix::agency_deactivate(central.pubkey(), w.agency), &central),
        BudgetError::AgencyInactive,
    );

    let admin = w.admin.insecure_clone();
    let payer = w.h.payer.pubkey();
    assert_error(
        w.send(
            bix::member_roles_set(
                payer,
                w.agency,
                admin.pubkey(),
                address("x"),
                Role::REQUESTER,
            ),
            &admin,
        ),
        BudgetError::AgencyInactive,
    );
    let officer = w.officer.insecure_clone();
    let other = w.account_ref("075-2026/2026-0513-000");
    assert_error(
        w.open(&officer, &other, 2026, 2026, AUTHORIZED),
        BudgetError::AgencyInactive,
    );
    let args = w.obligation_args("AWARD-1", "payee-a", 10);
    assert_error(
        w.send(
            bix::obligation_create(payer, officer.pubkey(), &w.account, args),
            &officer,
        ),
        BudgetError::AgencyInactive,
    );
}
