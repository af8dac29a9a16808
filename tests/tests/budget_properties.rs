//! Random sequences of budget instructions, valid and invalid, through the real SVM, checked against a
//! model of the ledger after every step: the outcome (success or refusal) is the model's, a refused
//! instruction changes nothing, and `disbursed <= obligated <= authorized` and the vault's balance hold.
//!
//! 1,000 sequences from a fixed seed by default (`fisc_tests::prop::runner`); `scripts/soak.sh` runs 100,000
//! fresh ones.

use budget::state::Obligation;
use fisc_client::ix::budget as bix;
use fisc_tests::fixtures::{award, World, AUTHORIZED, FUNDED, MARCH_2026, YEAR};
use fisc_tests::keypair;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use solana_signer::Signer;

const OBLIGATIONS: usize = 3;

#[derive(Clone, Debug)]
enum Op {
    Fund(u64),
    Obligate(usize, u64),
    Increase(usize, u64),
    Decrease(usize, u64),
    Pay(usize, u64),
    Recover(usize, u64),
    SetAuthorized(u64),
    Pause(bool),
    AdvanceYears(u8),
}

fn amount() -> impl Strategy<Value = u64> {
    prop_oneof![
        4 => 0..=2_000u64,
        2 => 0..=FUNDED,
        1 => Just(u64::MAX),
        1 => (u64::MAX - 2_000)..=u64::MAX,
        1 => any::<u64>(),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let i = 0..OBLIGATIONS;
    prop_oneof![
        2 => amount().prop_map(Op::Fund),
        3 => (i.clone(), amount()).prop_map(|(i, a)| Op::Obligate(i, a)),
        2 => (i.clone(), amount()).prop_map(|(i, a)| Op::Increase(i, a)),
        2 => (i.clone(), amount()).prop_map(|(i, a)| Op::Decrease(i, a)),
        4 => (i.clone(), amount()).prop_map(|(i, a)| Op::Pay(i, a)),
        2 => (i, amount()).prop_map(|(i, a)| Op::Recover(i, a)),
        1 => prop_oneof![0..=10_000u64, Just(AUTHORIZED), any::<u64>()].prop_map(Op::SetAuthorized),
        1 => any::<bool>().prop_map(Op::Pause),
        1 => (0u8..=3).prop_map(Op::AdvanceYears),
    ]
}

/// What the ledger should be.
#[derive(Clone, Debug, PartialEq)]
struct Model {
    authorized: u64,
    funded: u64,
    obligations: [Option<(u64, u64)>; OBLIGATIONS],
    paused: bool,
    years: u8,
    central_tokens: u64,
}

impl Model {
    fn fiscal_year(&self) -> u16 {
        2026 + u16::from(self.years)
    }
    fn cancelled(&self) -> bool {
        self.fiscal_year() > 2027 + 5
    }
    fn open(&self) -> bool {
        self.fiscal_year() <= 2027
    }
    fn obligated(&self) -> u64 {
        self.obligations.iter().flatten().map(|(o, _)| o).sum()
    }
    fn disbursed(&self) -> u64 {
        self.obligations.iter().flatten().map(|(_, d)| d).sum()
    }
    fn vault(&self) -> u64 {
        self.funded - self.disbursed()
    }
    fn unobligated(&self) -> u64 {
        self.authorized - self.obligated()
    }

    /// Apply `op` if the program must accept it; return whether it must.
    fn apply(&mut self, op: &Op) -> bool {
        let live = !self.cancelled();
        match *op {
            Op::Fund(a) => {
                let ok = a > 0 && a <= self.central_tokens;
                if ok {
                    self.funded += a;
                    self.central_tokens -= a;
                }
                ok
            }
            Op::Obligate(i, a) => {
                let ok = self.obligations[i].is_none()
                    && self.open()
                    && a > 0
                    && a <= self.unobligated();
                if ok {
                    self.obligations[i] = Some((a, 0));
                }
                ok
            }
            Op::Increase(i, a) => {
                let unobligated = self.unobligated();
                match &mut self.obligations[i] {
                    Some((o, _)) if live && a > 0 && a <= unobligated => {
                        *o += a;
                        true
                    }
                    _ => false,
                }
            }
            Op::Decrease(i, a) => match &mut self.obligations[i] {
                Some((o, d)) if live && a > 0 && a <= *o - *d => {
                    *o -= a;
                    true
                }
                _ => false,
            },
            Op::Pay(i, a) => {
                let vault = self.vault();
                let paused = self.paused;
                match &mut self.obligations[i] {
                    Some((o, d)) if live && !paused && a > 0 && a <= *o - *d && a <= vault => {
                        *d += a;
                        true
                    }
                    _ => false,
                }
            }
            Op::Recover(i, a) => match &mut self.obligations[i] {
                Some((_, d)) if live && a > 0 && a <= *d => {
                    *d -= a;
                    true
                }
                _ => false,
            },
            Op::SetAuthorized(a) => {
                let ok = live && a >= self.obligated();
                if ok {
                    self.authorized = a;
                }
                ok
            }
            Op::Pause(p) => {
                self.paused = p;
                true
            }
            Op::AdvanceYears(y) => {
                self.years = self.years.saturating_add(y).min(12);
                true
            }
        }
    }
}

fn payee(i: usize) -> String {
    format!("payee-{i}")
}

fn award_id(i: usize) -> String {
    format!("AWARD-{i}")
}

/// Send `op` to the chain; `Ok(true)` when it landed.
fn run(w: &mut World, op: &Op, model: &Model) -> bool {
    let central = w.central.insecure_clone();
    let officer = w.officer.insecure_clone();
    let payer = w.h.payer.pubkey();
    let result = match *op {
        Op::Fund(a) => w.send(
            bix::budget_account_fund(
                &w.account,
                central.pubkey(),
                w.central_tokens,
                a,
                w.funded(),
            ),
            &central,
        ),
        Op::Obligate(i, a) => {
            let args = w.obligation_args(&award_id(i), &payee(i), a);
            w.send(
                bix::obligation_create(payer, officer.pubkey(), &w.account, args),
                &officer,
            )
        }
        Op::Increase(i, a) => w.send(
            bix::obligation_increase(
                officer.pubkey(),
                &w.account,
                &award(&award_id(i)),
                a,
                w.obligated(&award(&award_id(i))),
            ),
            &officer,
        ),
        Op::Decrease(i, a) => w.send(
            bix::obligation_decrease(
                officer.pubkey(),
                &w.account,
                &award(&award_id(i)),
                a,
                w.obligated(&award(&award_id(i))),
            ),
            &officer,
        ),
        Op::Pay(i, a) => {
            let ix = w.outlay_ix(&award_id(i), &payee(i), a);
            let disbursement = w.disbursement.insecure_clone();
            w.send(ix, &disbursement)
        }
        Op::Recover(i, a) => {
            let from = w.payee_tokens(&payee(i));
            let who = keypair(&payee(i));
            w.h.fund(&who.pubkey());
            w.send(
                bix::recovery_record(
                    &w.account,
                    &award(&award_id(i)),
                    who.pubkey(),
                    bix::RecoveredBy::Payee,
                    from,
                    a,
                    w.disbursed(&award(&award_id(i))),
                ),
                &who,
            )
        }
        Op::SetAuthorized(a) => w.send(
            bix::budget_account_authorized_set(&w.account, central.pubkey(), a),
            &central,
        ),
        Op::Pause(p) => w.send(bix::treasury_pause_set(central.pubkey(), p), &central),
        Op::AdvanceYears(_) => {
            w.h.set_time(MARCH_2026 + i64::from(model.years) * YEAR);
            return true;
        }
    };
    result.is_ok()
}

fn check(w: &World, model: &Model, step: usize, op: &Op) -> Result<(), TestCaseError> {
    let a = w.budget_account();
    prop_assert!(
        a.disbursed <= a.obligated && a.obligated <= a.authorized,
        "step {step} {op:?}: ledger order broken"
    );
    prop_assert_eq!(
        a.authorized,
        model.authorized,
        "step {} {:?}: authorized",
        step,
        op
    );
    prop_assert_eq!(a.funded, model.funded, "step {} {:?}: funded", step, op);
    prop_assert_eq!(
        a.obligated,
        model.obligated(),
        "step {} {:?}: obligated",
        step,
        op
    );
    prop_assert_eq!(
        a.disbursed,
        model.disbursed(),
        "step {} {:?}: disbursed",
        step,
        op
    );
    prop_assert_eq!(
        w.vault_balance(),
        model.vault(),
        "step {} {:?}: vault",
        step,
        op
    );
    for i in 0..OBLIGATIONS {
        let address = w.account.obligation(&award(&award_id(i)));
        let chain =
            w.h.data(&address)
                .map(|_| w.h.account::<Obligation>(&address))
                .map(|o| (o.obligated, o.disbursed));
        prop_assert_eq!(
            chain,
            model.obligations[i],
            "step {} {:?}: obligation {}",
            step,
            op,
            i
        );
    }
    Ok(())
}

#[test]
fn random_sequences_keep_the_books() {
    let base = World::new();
    let start = Model {
        authorized: AUTHORIZED,
        funded: FUNDED,
        obligations: [None; OBLIGATIONS],
        paused: false,
        years: 0,
        central_tokens: base.h.token_balance(&base.central_tokens),
    };
    let mut runner = fisc_tests::prop::runner();
    runner
        .run(&proptest::collection::vec(op(), 1..24), |ops| {
            let mut w = base.clone();
            let mut model = start.clone();
            for (step, op) in ops.iter().enumerate() {
                let expected = model.apply(op);
                let landed = run(&mut w, op, &model);
                prop_assert_eq!(
                    landed,
                    expected,
                    "step {} {:?}: the program and the model disagree",
                    step,
                    op
                );
                check(&w, &model, step, op)?;
            }
            Ok(())
        })
        .unwrap();
}
