//! The treasury's two-step authority change, its mint list and its pause switch.

use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use budget::errors::BudgetError;
use budget::events::{
    TreasuryAuthorityAccepted, TreasuryAuthorityProposed, TreasuryMintAdded, TreasuryPauseChanged,
};
use budget::state::Treasury;
use fisc_client::ix::budget as bix;
use fisc_tests::fixtures::World;
use fisc_tests::token::{SPL_TOKEN, TOKEN_2022};
use fisc_tests::{address, assert_error, unsigned};
use solana_signer::Signer;

fn treasury(w: &World) -> Treasury {
    w.h.account(&budget::pda::treasury())
}

#[test]
fn authority_changes_in_two_steps() {
    let mut w = World::new();
    let next = w.h.signer("next-central-authority");
    let central = w.central.insecure_clone();

    let sent = w
        .send(
            bix::treasury_authority_propose(central.pubkey(), next.pubkey()),
            &central,
        )
        .unwrap();
    let proposed: TreasuryAuthorityProposed = sent.event(&budget::ID);
    assert_eq!(
        (proposed.authority, proposed.proposed),
        (central.pubkey(), next.pubkey())
    );
    assert_eq!(
        treasury(&w).authority,
        central.pubkey(),
        "proposing changes nothing yet"
    );

    let sent = w
        .send(bix::treasury_authority_accept(next.pubkey()), &next)
        .unwrap();
    let accepted: TreasuryAuthorityAccepted = sent.event(&budget::ID);
    assert_eq!(
        (accepted.previous, accepted.authority),
        (central.pubkey(), next.pubkey())
    );
    let t = treasury(&w);
    assert_eq!(
        (t.authority, t.pending_authority),
        (next.pubkey(), Pubkey::default())
    );

    // The old authority has lost its power; the new one has it.
    assert_error(
        w.send(bix::treasury_pause_set(central.pubkey(), true), &central),
        BudgetError::NotCentralAuthority,
    );
    w.send(bix::treasury_pause_set(next.pubkey(), true), &next)
        .unwrap();
}

#[test]
fn authority_change_attacks() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    let intruder = w.h.signer("intruder");
    let next = w.h.signer("next-central-authority");

    // Only the authority proposes, and it must sign.
    assert_error(
        w.send(
            bix::treasury_authority_propose(intruder.pubkey(), intruder.pubkey()),
            &intruder,
        ),
        BudgetError::NotCentralAuthority,
    );
    let ix = unsigned(
        bix::treasury_authority_propose(central.pubkey(), next.pubkey()),
        &central.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    assert_error(
        w.send(
            bix::treasury_authority_propose(central.pubkey(), Pubkey::default()),
            &central,
        ),
        BudgetError::InvalidAddress,
    );

    // Nothing pending: nobody accepts.
    assert_error(
        w.send(bix::treasury_authority_accept(next.pubkey()), &next),
        BudgetError::NotPendingAuthority,
    );

    // Pending: only the proposed key accepts, with its signature; and only once.
    w.send(
        bix::treasury_authority_propose(central.pubkey(), next.pubkey()),
        &central,
    )
    .unwrap();
    assert_error(
        w.send(bix::treasury_authority_accept(intruder.pubkey()), &intruder),
        BudgetError::NotPendingAuthority,
    );
    let ix = unsigned(
        bix::treasury_authority_accept(next.pubkey()),
        &next.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    w.send(bix::treasury_authority_accept(next.pubkey()), &next)
        .unwrap();
    assert_error(
        w.send(bix::treasury_authority_accept(next.pubkey()), &next),
        BudgetError::NotPendingAuthority,
    );
}

#[test]
fn mints_are_allowed_by_the_central_authority_only() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    let usd2022 = w.h.create_mint("usd-2022", &TOKEN_2022, 6);
    let sent = w
        .send(
            bix::treasury_mint_add(central.pubkey(), usd2022, TOKEN_2022),
            &central,
        )
        .unwrap();
    let event: TreasuryMintAdded = sent.event(&budget::ID);
    assert_eq!((event.mint, event.token_program), (usd2022, TOKEN_2022));
    assert!(treasury(&w).mints.contains(&usd2022));

    // Replay: the same mint twice.
    assert_error(
        w.send(
            bix::treasury_mint_add(central.pubkey(), usd2022, TOKEN_2022),
            &central,
        ),
        BudgetError::MintAlreadyAllowed,
    );
    // A stranger, or a missing signature.
    let intruder = w.h.signer("intruder");
    let other = w.h.create_mint("other", &SPL_TOKEN, 6);
    assert_error(
        w.send(
            bix::treasury_mint_add(intruder.pubkey(), other, SPL_TOKEN),
            &intruder,
        ),
        BudgetError::NotCentralAuthority,
    );
    let ix = unsigned(
        bix::treasury_mint_add(central.pubkey(), other, SPL_TOKEN),
        &central.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    // The wrong token program for the mint.
    assert_error(
        w.send(
            bix::treasury_mint_add(central.pubkey(), other, TOKEN_2022),
            &central,
        ),
        ErrorCode::ConstraintMintTokenProgram,
    );
    // Not a mint at all.
    let not_a_mint = address("not-a-mint");
    w.h.fund(&not_a_mint);
    assert_error(
        w.send(
            bix::treasury_mint_add(central.pubkey(), not_a_mint, SPL_TOKEN),
            &central,
        ),
        ErrorCode::AccountOwnedByWrongProgram,
    );
}

#[test]
fn the_mint_list_is_bounded() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    for i in 0..3 {
        let mint = w.h.create_mint(&format!("mint-{i}"), &SPL_TOKEN, 2);
        w.send(
            bix::treasury_mint_add(central.pubkey(), mint, SPL_TOKEN),
            &central,
        )
        .unwrap();
    }
    let fifth = w.h.create_mint("mint-5", &SPL_TOKEN, 2);
    assert_error(
        w.send(
            bix::treasury_mint_add(central.pubkey(), fifth, SPL_TOKEN),
            &central,
        ),
        BudgetError::TooManyMints,
    );
}

#[test]
fn pause_stops_outlays_and_resume_restarts_them() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    w.obligate("75N91026C00001", "payee-a", 1_000);

    let sent = w
        .send(bix::treasury_pause_set(central.pubkey(), true), &central)
        .unwrap();
    assert!(sent.event::<TreasuryPauseChanged>(&budget::ID).paused);
    let ix = w.outlay_ix("75N91026C00001", "payee-a", 400);
    let disbursement = w.disbursement.insecure_clone();
    assert_error(
        w.send(ix.clone(), &disbursement),
        BudgetError::TreasuryPaused,
    );
    assert_eq!(w.obligation("75N91026C00001").disbursed, 0);

    let intruder = w.h.signer("intruder");
    assert_error(
        w.send(bix::treasury_pause_set(intruder.pubkey(), false), &intruder),
        BudgetError::NotCentralAuthority,
    );
    w.send(bix::treasury_pause_set(central.pubkey(), false), &central)
        .unwrap();
    w.send(ix, &disbursement).unwrap();
    assert_eq!(w.obligation("75N91026C00001").disbursed, 400);
}
