//! Measures every instruction's representative case and keeps `docs/compute-units.md` current
//! (`scripts/cu.sh` rewrites it).

use fisc_tests::cu::Table;
use fisc_tests::fixtures::{
    config_init_ix, init_treasury, registry_init_args, registry_init_ix, CENTRAL_AUTHORITY,
};
use fisc_tests::{address, Harness};
use solana_signer::Signer;

#[test]
fn compute_unit_table() {
    let mut table = Table::default();
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

    table.assert_covers_idl();
    table.write_or_check();
}
