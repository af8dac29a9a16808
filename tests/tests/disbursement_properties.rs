//! Random interleavings of propose, approve, reject, cancel, execute, policy changes and the passing of
//! time, through the real SVM, against a model: every outcome is the model's, the sum paid equals the
//! sum of executed requests, no request pays twice, the rolling period limit and the time locks hold, a
//! request expires after its lifetime (the shorter of the one it was proposed with and the current
//! one), a deactivated agency proposes, approves and pays nothing until reactivated, a payment's tier
//! counts what the obligation paid lately (splits need what the whole would), and a policy change
//! never loosens a request in flight.
//!
//! 1,000 sequences from a fixed seed by default (`fisc_tests::prop::runner`); `scripts/soak.sh` runs 100,000
//! fresh ones.

use std::collections::BTreeMap;

use fisc_client::ix::disbursement as dix;
use fisc_tests::fixtures::{default_policy, Payments, MARCH_2026};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use solana_signer::Signer;

const OBLIGATED: u64 = 10_000_000;
const LIMIT: u64 = 3_000_000;
const DAY: i64 = 86_400;

#[derive(Clone, Debug)]
enum Op {
    Propose(u64),
    Approve(u64, usize),
    Reject(u64, usize),
    Cancel(u64),
    Execute(u64),
    AdvanceHours(u16),
    /// Set the agency's policy to the strict one (`true`) or back to the base one.
    SetStrict(bool),
    /// Reactivate (`true`) or deactivate the agency, by the central authority.
    SetActive(bool),
}

fn op() -> impl Strategy<Value = Op> {
    let seq = 0u64..6;
    prop_oneof![
        // Parts of 5,000 to 10,000 often: two of them pass the one-approval tier together (splits).
        3 => prop_oneof![3 => 5_000..=10_000u64, 1 => 1..=10_000u64, 1 => 10_001..=1_000_000u64, 1 => 1_000_001..=3_500_000u64, 1 => Just(0), 1 => Just(u64::MAX)].prop_map(Op::Propose),
        4 => (seq.clone(), 0usize..3).prop_map(|(s, n)| Op::Approve(s, n)),
        1 => (seq.clone(), 0usize..3).prop_map(|(s, n)| Op::Reject(s, n)),
        1 => seq.clone().prop_map(Op::Cancel),
        4 => seq.prop_map(Op::Execute),
        1 => prop_oneof![Just(1u16), Just(24), Just(49)].prop_map(Op::AdvanceHours),
        1 => any::<bool>().prop_map(Op::SetStrict),
        1 => any::<bool>().prop_map(Op::SetActive),
    ]
}

/// Approvals and time lock of `amount`'s tier under the base policy (`default_policy`) or the strict
/// one (`strict_policy`).
fn tier(amount: u64, strict: bool) -> (usize, i64) {
    match (amount, strict) {
        (0..=10_000, false) => (1, 0),
        (10_001..=1_000_000, false) => (2, 0),
        (0..=10_000, true) => (2, 0),
        (10_001..=1_000_000, true) => (2, 3_600),
        _ => (3, 48 * 3_600),
    }
}

/// A request's lifetime under the base policy (`false`) or the strict one: three days, or two and a
/// half (both longer than the 48-hour lock of the top tier).
fn lifetime(strict: bool) -> i64 {
    if strict {
        5 * DAY / 2
    } else {
        3 * DAY
    }
}

/// The base policy with one more approval on the lowest tier, an hour's lock on the middle one and a
/// shorter request lifetime.
fn strict_policy() -> disbursement::PolicySetArgs {
    let mut policy = base_policy();
    policy.tiers[0].approvals = 2;
    policy.tiers[1].time_lock_seconds = 3_600;
    policy.max_request_age_seconds = lifetime(true) as u32;
    policy
}

/// The default policy with a daily limit of `LIMIT` and requests that live three days.
fn base_policy() -> disbursement::PolicySetArgs {
    let mut policy = default_policy();
    policy.period_seconds = 86_400;
    policy.period_limit = LIMIT;
    policy.max_request_age_seconds = lifetime(false) as u32;
    policy
}

#[derive(Clone, Debug)]
struct Request {
    amount: u64,
    /// Approvers, in order, and when each approved.
    approvals: Vec<(usize, i64)>,
    /// The tier it was proposed under.
    required: usize,
    lock: i64,
    /// When it was proposed, and when it expires by the lifetime it was proposed with.
    proposed_at: i64,
    expires_at: i64,
}

#[derive(Clone, Debug, Default)]
struct Model {
    /// The agency is deactivated.
    inactive: bool,
    now: i64,
    next_sequence: u64,
    open: BTreeMap<u64, Request>,
    finished: Vec<u64>,
    paid: u64,
    /// Payments made: their slice of the period (a quarter of a day, from the policy's creation) and
    /// amount.
    payments: Vec<(i64, u64)>,
    period_spent: u64,
    /// The obligation's payment window (a day, on a grid from its first payment): its start, what
    /// it paid in the window before and in this one.
    window: Option<(i64, u64, u64)>,
    strict: bool,
}

impl Model {
    fn apply(&mut self, op: &Op) -> bool {
        match *op {
            Op::Propose(amount) => {
                let ok = !self.inactive && amount > 0 && amount <= OBLIGATED - self.paid;
                if ok {
                    let (required, lock) = tier(amount, self.strict);
                    let request = Request {
                        amount,
                        approvals: vec![],
                        required,
                        lock,
                        proposed_at: self.now,
                        expires_at: self.now + lifetime(self.strict),
                    };
                    self.open.insert(self.next_sequence, request);
                    self.next_sequence += 1;
                }
                ok
            }
            // Up to three distinct approvers, whatever the tier asks.
            Op::Approve(seq, n) => match self.open.get_mut(&seq) {
                Some(r)
                    if !self.inactive
                        && r.approvals.iter().all(|&(a, _)| a != n)
                        && r.approvals.len() < 3 =>
                {
                    r.approvals.push((n, self.now));
                    true
                }
                _ => false,
            },
            Op::Reject(seq, _) | Op::Cancel(seq) => {
                let ok = self.open.remove(&seq).is_some();
                if ok {
                    self.finished.push(seq);
                }
                ok
            }
            Op::Execute(seq) => {
                let Some(r) = self.open.get(&seq) else {
                    return false;
                };
                // The rolling limit: the current slice and the four before it.
                let slice = self.now / (DAY / 4);
                let spent: u64 = self
                    .payments
                    .iter()
                    .filter(|(s, _)| s + 4 >= slice)
                    .map(|(_, amount)| amount)
                    .sum();
                // The obligation's window rolled to now: what it paid lately counts with this payment.
                let (window_start, last, this) = match self.window {
                    Some((start, _, this))
                        if self.now - start >= DAY && self.now - start < 2 * DAY =>
                    {
                        (start + DAY, this, 0)
                    }
                    Some((start, last, this)) if self.now - start < DAY => (start, last, this),
                    _ => (self.now, 0, 0),
                };
                // The stricter of the tier proposed under and the current one of this payment with
                // the obligation's recent ones (a split never needs less than the whole); the lock
                // runs from the approval that met it.
                let (now_required, now_lock) = tier(r.amount + last + this, self.strict);
                let required = r.required.max(now_required);
                let lock = r.lock.max(now_lock);
                let expiry = r.expires_at.min(r.proposed_at + lifetime(self.strict));
                let ok = !self.inactive
                    && self.now <= expiry
                    && r.approvals.len() >= required
                    && self.now >= r.approvals[required - 1].1 + lock
                    && spent + r.amount <= LIMIT
                    && r.amount <= OBLIGATED - self.paid;
                if ok {
                    self.paid += r.amount;
                    self.payments.push((slice, r.amount));
                    self.window = Some((window_start, last, this + r.amount));
                    self.period_spent = spent + r.amount;
                    self.open.remove(&seq);
                    self.finished.push(seq);
                }
                ok
            }
            Op::AdvanceHours(h) => {
                self.now += i64::from(h) * 3_600;
                true
            }
            Op::SetStrict(strict) => {
                self.strict = strict;
                true
            }
            // Deactivating an inactive agency, or reactivating an active one, fails.
            Op::SetActive(active) => {
                let ok = active == self.inactive;
                self.inactive = !active;
                ok
            }
        }
    }
}

fn run(p: &mut Payments, op: &Op, model: &Model, next_sequence: u64) -> bool {
    let agency = p.w.agency;
    let request = |seq: u64| disbursement::pda::request(&agency, seq);
    let requester = p.requester.insecure_clone();
    let result = match *op {
        Op::Propose(amount) => {
            let ix = p.propose_ix(
                &requester.pubkey(),
                "AWARD-1",
                "payee-a",
                amount,
                next_sequence,
            );
            p.w.send(ix, &requester)
        }
        Op::Approve(seq, n) => p.approve(&request(seq), n),
        Op::Reject(seq, n) => {
            let approver = p.approvers[n].insecure_clone();
            p.w.send(
                dix::payment_reject(agency, approver.pubkey(), request(seq), requester.pubkey()),
                &approver,
            )
        }
        Op::Cancel(seq) => p.w.send(
            dix::payment_cancel(agency, requester.pubkey(), request(seq), requester.pubkey()),
            &requester,
        ),
        Op::Execute(seq) => {
            if p.w.h.data(&request(seq)).is_none() {
                p.execute_after_close(&request(seq))
            } else {
                p.execute(&request(seq))
            }
        }
        Op::AdvanceHours(_) => {
            p.w.h.set_time(MARCH_2026 + model.now);
            return true;
        }
        Op::SetStrict(strict) => {
            let admin = p.w.admin.insecure_clone();
            let policy = if strict {
                strict_policy()
            } else {
                base_policy()
            };
            p.w.send(
                dix::policy_set(p.w.h.payer.pubkey(), agency, admin.pubkey(), policy),
                &admin,
            )
        }
        Op::SetActive(active) => {
            let central = p.w.central.insecure_clone();
            let ix = if active {
                fisc_client::ix::budget::agency_reactivate(central.pubkey(), agency)
            } else {
                fisc_client::ix::budget::agency_deactivate(central.pubkey(), agency)
            };
            p.w.send(ix, &central)
        }
    };
    result.is_ok()
}

fn check(p: &mut Payments, model: &Model, step: usize, op: &Op) -> Result<(), TestCaseError> {
    let to = p.w.payee_tokens("payee-a");
    prop_assert_eq!(
        p.w.h.token_balance(&to),
        model.paid,
        "step {} {:?}: paid",
        step,
        op
    );
    prop_assert_eq!(
        p.w.obligation("AWARD-1").disbursed,
        model.paid,
        "step {} {:?}: obligation",
        step,
        op
    );
    let policy = p.policy();
    prop_assert!(
        policy.period_spent <= LIMIT,
        "step {step} {op:?}: over the period limit"
    );
    prop_assert_eq!(
        policy.period_spent,
        model.period_spent,
        "step {} {:?}: period spent",
        step,
        op
    );
    prop_assert_eq!(
        policy.next_sequence,
        model.next_sequence,
        "step {} {:?}: sequence",
        step,
        op
    );
    for seq in &model.finished {
        prop_assert!(
            p.w.h
                .data(&disbursement::pda::request(&p.w.agency, *seq))
                .is_none(),
            "step {step}: request {seq} still open"
        );
    }
    for (seq, r) in &model.open {
        let chain = p.request(&disbursement::pda::request(&p.w.agency, *seq));
        prop_assert_eq!(
            usize::from(chain.approval_count),
            r.approvals.len(),
            "step {} {:?}: approvals of {}",
            step,
            op,
            seq
        );
    }
    p.w.assert_books_balance();
    Ok(())
}

#[test]
fn random_interleavings_pay_exactly_what_was_executed() {
    let mut base = Payments::with(&fisc_tests::token::SPL_TOKEN, base_policy());
    base.w.obligate("AWARD-1", "payee-a", OBLIGATED);
    base.w.payee_tokens("payee-a");
    let start = Model::default();
    let mut runner = fisc_tests::prop::runner();
    runner
        .run(&proptest::collection::vec(op(), 1..30), |ops| {
            let mut p = base.clone();
            let mut model = start.clone();
            for (step, op) in ops.iter().enumerate() {
                let next_sequence = model.next_sequence;
                let expected = model.apply(op);
                let landed = run(&mut p, op, &model, next_sequence);
                prop_assert_eq!(
                    landed,
                    expected,
                    "step {} {:?}: the programs and the model disagree",
                    step,
                    op
                );
                check(&mut p, &model, step, op)?;
            }
            Ok(())
        })
        .unwrap();
}
