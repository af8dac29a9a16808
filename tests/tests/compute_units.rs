//! Measures every instruction's representative case and keeps `docs/compute-units.md` current
//! (`scripts/cu.sh` rewrites it).

use budget::state::Role;
use fisc_client::ix::budget as bix;
use fisc_client::ix::disbursement as dix;
use fisc_tests::cu::Table;
use fisc_tests::fixtures::{
    award, config_init_ix, default_policy, init_treasury, registry_init_args, registry_init_ix,
    Payments, Titles, World, CENTRAL_AUTHORITY, MARCH_2026, YEAR,
};
use fisc_tests::token::TOKEN_2022;
use fisc_tests::{address, padded, Harness};
use solana_signer::Signer;

fn roots(table: &mut Table) {
    let mut h = Harness::new();
    let sent = init_treasury(&mut h);
    table.record("budget", "treasury_init", &sent);

    let ua = h.upgrade_authority.insecure_clone();
    let sent = h.send_ok(
        &[config_init_ix(
            &h,
            ua.pubkey(),
            address("disbursement-admin"),
        )],
        &[&ua],
    );
    table.record("disbursement", "config_init", &sent);

    let central = h.signer(CENTRAL_AUTHORITY);
    let sent = h.send_ok(
        &[registry_init_ix(&h, central.pubkey(), registry_init_args())],
        &[&central],
    );
    table.record("titles", "registry_init", &sent);
}

fn budget(table: &mut Table) {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    let admin = w.admin.insecure_clone();
    let officer = w.officer.insecure_clone();
    let payer = w.h.payer.pubkey();
    let central_tokens = w.central_tokens;
    let rows = std::cell::RefCell::new(Vec::new());
    let ok_sent =
        |name: &str, sent: fisc_tests::Sent| rows.borrow_mut().push((name.to_string(), sent));
    let ok = |w: &mut World, name: &str, ix, signer: &solana_keypair::Keypair| {
        let sent = w
            .send(ix, signer)
            .unwrap_or_else(|e| panic!("{name}: {:?}\n{}", e.err, e.meta.pretty_logs()));
        ok_sent(name, sent);
    };

    let next = w.h.signer("next-central-authority");
    ok(
        &mut w,
        "treasury_authority_propose",
        bix::treasury_authority_propose(central.pubkey(), next.pubkey()),
        &central,
    );
    ok(
        &mut w,
        "treasury_authority_accept",
        bix::treasury_authority_accept(next.pubkey()),
        &next,
    );
    w.send(
        bix::treasury_authority_propose(next.pubkey(), central.pubkey()),
        &next,
    )
    .unwrap();
    w.send(bix::treasury_authority_accept(central.pubkey()), &central)
        .unwrap();
    let mint = w.h.create_mint("usd-2022", &TOKEN_2022, 6);
    ok(
        &mut w,
        "treasury_mint_add",
        bix::treasury_mint_add(central.pubkey(), mint, TOKEN_2022),
        &central,
    );
    ok(
        &mut w,
        "treasury_pause_set",
        bix::treasury_pause_set(central.pubkey(), false),
        &central,
    );

    let reg = budget::AgencyRegisterArgs {
        code: padded("089"),
        name: padded("Department of Energy"),
        admin: admin.pubkey(),
    };
    ok(
        &mut w,
        "agency_register",
        bix::agency_register(payer, central.pubkey(), reg),
        &central,
    );
    let agency = w.agency;
    let next_admin = w.h.signer("next-admin");
    ok(
        &mut w,
        "agency_admin_propose",
        bix::agency_admin_propose(agency, admin.pubkey(), next_admin.pubkey()),
        &admin,
    );
    ok(
        &mut w,
        "agency_admin_accept",
        bix::agency_admin_accept(agency, next_admin.pubkey()),
        &next_admin,
    );
    let clerk = address("clerk");
    ok(
        &mut w,
        "member_roles_set (first grant)",
        bix::member_roles_set(payer, agency, next_admin.pubkey(), clerk, Role::REQUESTER),
        &next_admin,
    );
    ok(
        &mut w,
        "member_roles_set (change)",
        bix::member_roles_set(payer, agency, next_admin.pubkey(), clerk, 0),
        &next_admin,
    );

    let other = w.account_ref("075-2026/2026-0513-000");
    let sent = w.open(&officer, &other, 2026, 2026, 0).unwrap();
    ok_sent("budget_account_open", sent);
    ok(
        &mut w,
        "budget_account_fund",
        bix::budget_account_fund(&other, central.pubkey(), central_tokens, 1_000_000, 0),
        &central,
    );
    ok(
        &mut w,
        "budget_account_authorized_set",
        bix::budget_account_authorized_set(&other, central.pubkey(), 2_000_000),
        &central,
    );

    let args = w.obligation_args("AWARD-1", "payee-a", 1_000);
    ok(
        &mut w,
        "obligation_create",
        bix::obligation_create(payer, officer.pubkey(), &other, args),
        &officer,
    );
    let id = award("AWARD-1");
    ok(
        &mut w,
        "obligation_increase",
        bix::obligation_increase(officer.pubkey(), &other, &id, 500, 1_000),
        &officer,
    );
    ok(
        &mut w,
        "obligation_decrease",
        bix::obligation_decrease(officer.pubkey(), &other, &id, 300, 1_500),
        &officer,
    );
    let to = w.payee_tokens("payee-a");
    let disbursement = w.disbursement.insecure_clone();
    let paying: budget::state::BudgetAccount = w.h.account(&other.address());
    let obligation: budget::state::Obligation = w.h.account(&other.obligation(&id));
    let outlay = budget::OutlayExecuteArgs {
        amount: 1_200,
        reference: address("payment-request"),
        budget_account_generation: paying.generation,
        obligation_generation: obligation.generation,
        window_seconds: 0,
    };
    ok(
        &mut w,
        "outlay_execute",
        bix::outlay_execute(disbursement.pubkey(), &other, &id, to, outlay),
        &disbursement,
    );
    let payee = w.h.signer("payee-a");
    ok(
        &mut w,
        "recovery_record",
        bix::recovery_record(
            &other,
            &id,
            payee.pubkey(),
            bix::RecoveredBy::Payee,
            to,
            200,
            1_200,
        ),
        &payee,
    );
    w.send(
        bix::obligation_decrease(officer.pubkey(), &other, &id, 200, 1_200),
        &officer,
    )
    .unwrap();
    ok(
        &mut w,
        "obligation_close",
        bix::obligation_close(officer.pubkey(), &other, &id),
        &officer,
    );

    w.h.set_time(MARCH_2026 + 7 * YEAR);
    ok(
        &mut w,
        "budget_account_cancel",
        bix::budget_account_cancel(&other, central.pubkey(), central_tokens),
        &central,
    );
    ok(
        &mut w,
        "budget_account_close",
        bix::budget_account_close(&other, central.pubkey()),
        &central,
    );
    ok(
        &mut w,
        "agency_deactivate",
        bix::agency_deactivate(central.pubkey(), agency),
        &central,
    );
    ok(
        &mut w,
        "agency_reactivate",
        bix::agency_reactivate(central.pubkey(), agency),
        &central,
    );
    for (name, sent) in rows.into_inner() {
        table.record("budget", &name, &sent);
    }
}

fn disbursement(table: &mut Table) {
    let mut p = Payments::new();
    let admin = p.w.admin.insecure_clone();
    let payer = p.w.h.payer.pubkey();
    let agency = p.w.agency;
    let sent =
        p.w.send(
            dix::policy_set(payer, agency, admin.pubkey(), default_policy()),
            &admin,
        )
        .unwrap();
    table.record("disbursement", "policy_set (update)", &sent);
    p.w.obligate("AWARD-1", "payee-a", 10_000_000);
    p.w.payee_tokens("payee-a");

    let requester = p.requester.insecure_clone();
    let ix = p.propose_ix(&requester.pubkey(), "AWARD-1", "payee-a", 5_000, 0);
    table.record(
        "disbursement",
        "payment_propose",
        &p.w.send(ix, &requester).unwrap(),
    );
    let request = disbursement::pda::request(&agency, 0);
    table.record(
        "disbursement",
        "payment_approve",
        &p.approve(&request, 0).unwrap(),
    );
    table.record(
        "disbursement",
        "payment_execute",
        &p.execute(&request).unwrap(),
    );

    let request = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
    let approver = p.approvers[0].insecure_clone();
    let sent =
        p.w.send(
            dix::payment_reject(agency, approver.pubkey(), request, requester.pubkey()),
            &approver,
        )
        .unwrap();
    table.record("disbursement", "payment_reject", &sent);
    let request = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
    let sent =
        p.w.send(
            dix::payment_cancel(agency, requester.pubkey(), request, requester.pubkey()),
            &requester,
        )
        .unwrap();
    table.record("disbursement", "payment_cancel", &sent);
    let request = p.propose("AWARD-1", "payee-a", 5_000).unwrap();
    p.approve(&request, 2).unwrap();
    let former = p.approvers[2].pubkey();
    p.w.send(
        bix::member_roles_set(payer, agency, admin.pubkey(), former, 0),
        &admin,
    )
    .unwrap();
    let sent =
        p.w.send(
            dix::payment_approval_void(agency, former, request, requester.pubkey()),
            &requester,
        )
        .unwrap();
    table.record("disbursement", "payment_approval_void", &sent);
    batch(table, &mut p);
}

/// A batch of ten payees: proposal, approval, and execution over as few transactions as fit.
fn batch(table: &mut Table, p: &mut Payments) {
    let payer = p.w.h.payer.pubkey();
    let agency = p.w.agency;
    let requester = p.requester.insecure_clone();
    let approver = p.approvers[0].insecure_clone();
    let payees: Vec<dix::BatchPayee> = (0..10)
        .map(|i| {
            p.w.obligate(&format!("BATCH-{i}"), &format!("payee-{i}"), 1_000_000);
            dix::BatchPayee {
                obligation: p.w.account.obligation(&award(&format!("BATCH-{i}"))),
                payee_token_account: p.w.payee_tokens(&format!("payee-{i}")),
                amount: 900,
            }
        })
        .collect();
    let sequence = p.policy().next_sequence;
    let ix = dix::payment_batch_propose(
        payer,
        requester.pubkey(),
        &p.w.account,
        sequence,
        &payees,
        [5; 32],
        padded("PAYROLL-2026-11"),
    );
    table.record(
        "disbursement",
        "payment_batch_propose (batch of 10)",
        &p.w.send(ix, &requester).unwrap(),
    );
    let batch = disbursement::pda::batch(&agency, sequence);
    let sent =
        p.w.send(
            dix::payment_batch_approve(agency, approver.pubkey(), batch),
            &approver,
        )
        .unwrap();
    table.record("disbursement", "payment_batch_approve", &sent);
    let officer = p.disbursing_officer.insecure_clone();
    let per_tx = disbursement::constants::MAX_ITEMS_PER_EXECUTE;
    let transactions = payees.len().div_ceil(per_tx);
    for (n, start) in (0..payees.len()).step_by(per_tx).enumerate() {
        let chunk = &payees[start..(start + per_tx).min(payees.len())];
        let ixs = [
            solana_compute_budget_interface::ComputeBudgetInstruction::set_compute_unit_limit(
                400_000,
            ),
            dix::payment_batch_execute(
                &p.w.account,
                officer.pubkey(),
                true,
                batch,
                requester.pubkey(),
                start as u8,
                chunk,
            ),
        ];
        let sent = p.w.h.send(&ixs, &[&officer]).unwrap();
        let name = format!(
            "payment_batch_execute (batch of 10: transaction {} of {transactions}, {} payees)",
            n + 1,
            chunk.len()
        );
        table.record("disbursement", &name, &sent);
    }
    let sequence = p.policy().next_sequence;
    let ix = dix::payment_batch_propose(
        payer,
        requester.pubkey(),
        &p.w.account,
        sequence,
        &payees[..2],
        [5; 32],
        padded("PAYROLL-2026-12"),
    );
    p.w.send(ix, &requester).unwrap();
    let batch = disbursement::pda::batch(&agency, sequence);
    let sent =
        p.w.send(
            dix::payment_batch_cancel(agency, requester.pubkey(), false, batch, requester.pubkey()),
            &requester,
        )
        .unwrap();
    table.record("disbursement", "payment_batch_cancel", &sent);

    // A batch approval of an approver whose role is then revoked, voided.
    let sequence = p.policy().next_sequence;
    let ix = dix::payment_batch_propose(
        payer,
        requester.pubkey(),
        &p.w.account,
        sequence,
        &payees[..2],
        [5; 32],
        padded("PAYROLL-2027-01"),
    );
    p.w.send(ix, &requester).unwrap();
    let batch = disbursement::pda::batch(&agency, sequence);
    let former = p.approvers[1].insecure_clone();
    p.w.send(
        dix::payment_batch_approve(agency, former.pubkey(), batch),
        &former,
    )
    .unwrap();
    let admin = p.w.admin.insecure_clone();
    p.w.send(
        bix::member_roles_set(payer, agency, admin.pubkey(), former.pubkey(), 0),
        &admin,
    )
    .unwrap();
    let sent =
        p.w.send(
            dix::payment_batch_approval_void(agency, former.pubkey(), batch, requester.pubkey()),
            &requester,
        )
        .unwrap();
    table.record("disbursement", "payment_batch_approval_void", &sent);
}

fn titles(table: &mut Table) {
    use fisc_client::ix::titles as tix;
    let mut t = Titles::new();
    let payer = t.w.h.payer.pubkey();
    let officer = t.officer.insecure_clone();
    let other = t.other_officer.insecure_clone();
    let registrar = t.registrar.insecure_clone();
    let bank = t.lien_holder.insecure_clone();
    let (agency, other_agency, registry) = (t.w.agency, t.other_agency, t.registry);
    let mut ok = |t: &mut Titles, name: &str, ix, signer: &solana_keypair::Keypair| {
        let sent =
            t.w.send(ix, signer)
                .unwrap_or_else(|e| panic!("{name}: {:?}\n{}", e.err, e.meta.pretty_logs()));
        table.record("titles", name, &sent);
    };
    let next = t.w.h.signer("next-registrar");
    ok(
        &mut t,
        "registry_registrar_propose",
        tix::registry_registrar_propose(registry, registrar.pubkey(), next.pubkey()),
        &registrar,
    );
    ok(
        &mut t,
        "registry_registrar_accept",
        tix::registry_registrar_accept(registry, next.pubkey()),
        &next,
    );
    ok(
        &mut t,
        "lien_holder_set",
        tix::lien_holder_set(payer, registry, next.pubkey(), address("bank-2"), true),
        &next,
    );
    ok(
        &mut t,
        "registry_agency_set",
        tix::registry_agency_set(payer, registry, next.pubkey(), address("agency-x"), true),
        &next,
    );
    let args = Titles::parcel("0165-0802");
    let property = titles::pda::property(&registry, &args.parcel_id);
    ok(
        &mut t,
        "property_register",
        tix::property_register(payer, registry, agency, officer.pubkey(), true, args),
        &officer,
    );
    ok(
        &mut t,
        "property_update",
        tix::property_update(property, agency, officer.pubkey(), 4, 85, 3),
        &officer,
    );
    let record = titles::BuildingRecordArgs {
        sequence: 0,
        record_kind: 1,
        date: 1_780_000_000,
        cost: 45_000,
        document_hash: [3; 32],
        payment_request: address("payment-request"),
    };
    ok(
        &mut t,
        "building_record_add",
        tix::building_record_add(property, agency, officer.pubkey(), record),
        &officer,
    );
    let lien = titles::LienRecordArgs {
        lien_id: padded("DC-2026-000123"),
        amount: 1_000_000,
        document_hash: [7; 32],
    };
    ok(
        &mut t,
        "lien_record",
        tix::lien_record(property, registry, bank.pubkey(), lien),
        &bank,
    );
    ok(
        &mut t,
        "lien_release",
        tix::lien_release(property, bank.pubkey(), &padded("DC-2026-000123")),
        &bank,
    );
    ok(
        &mut t,
        "title_transfer_offer",
        tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
        &officer,
    );
    ok(
        &mut t,
        "title_transfer_cancel",
        tix::title_transfer_cancel(property, other_agency, other.pubkey(), officer.pubkey()),
        &other,
    );
    t.w.send(
        tix::title_transfer_offer(property, agency, officer.pubkey(), other_agency),
        &officer,
    )
    .unwrap();
    ok(
        &mut t,
        "title_transfer_accept",
        tix::title_transfer_accept(property, other_agency, other.pubkey(), officer.pubkey()),
        &other,
    );
    ok(
        &mut t,
        "property_freeze_set",
        tix::property_freeze_set(property, registry, next.pubkey(), true, [1; 32]),
        &next,
    );
    t.w.send(
        tix::property_freeze_set(property, registry, next.pubkey(), false, [2; 32]),
        &next,
    )
    .unwrap();
    let dispose = titles::PropertyDisposeArgs {
        disposal_kind: 0,
        price: 20_000_000_000,
        buyer: address("buyer"),
        document_hash: [9; 32],
    };
    ok(
        &mut t,
        "property_dispose",
        tix::property_dispose(property, other_agency, other.pubkey(), dispose),
        &other,
    );
    let args = Titles::parcel("0165-0999");
    let erroneous = titles::pda::property(&registry, &args.parcel_id);
    t.w.send(
        tix::property_register(payer, registry, agency, officer.pubkey(), true, args),
        &officer,
    )
    .unwrap();
    ok(
        &mut t,
        "property_void",
        tix::property_void(
            registry,
            next.pubkey(),
            erroneous,
            padded("entered in error"),
        ),
        &next,
    );
}

#[test]
fn compute_unit_table() {
    let mut table = Table::default();
    roots(&mut table);
    budget(&mut table);
    disbursement(&mut table);
    titles(&mut table);
    table.assert_covers_idl();
    table.write_or_check();
}
