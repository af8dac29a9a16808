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

/// A Token-2022 mint carrying `extension`, set up by `init(mint, authority)`, and whether the treasury
/// took it.
fn mint_add_with(
    name: &str,
    extension: spl_token_2022_interface::extension::ExtensionType,
    init: impl Fn(&Pubkey, &Pubkey) -> anchor_lang::solana_program::instruction::Instruction,
) -> (
    World,
    Result<fisc_tests::Sent, litesvm::types::FailedTransactionMetadata>,
) {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    let mint = fisc_tests::keypair(name).pubkey();
    let authority = w.h.payer.pubkey();
    let mint = {
        let ix = init(&mint, &authority);
        w.h.create_mint_with_extensions(name, &[extension], &[ix])
    };
    let result = w.send(
        bix::treasury_mint_add(central.pubkey(), mint, TOKEN_2022),
        &central,
    );
    (w, result)
}

mod token_2022_extensions {
    use super::*;
    use spl_token_2022_interface::extension::ExtensionType;
    use spl_token_2022_interface::extension::{
        default_account_state, metadata_pointer, transfer_fee, transfer_hook,
    };
    use spl_token_2022_interface::instruction as token_ix;
    use spl_token_2022_interface::state::AccountState;

    #[track_caller]
    fn refused(
        name: &str,
        extension: ExtensionType,
        init: impl Fn(&Pubkey, &Pubkey) -> anchor_lang::solana_program::instruction::Instruction,
    ) {
        let (w, result) = mint_add_with(name, extension, init);
        fisc_tests::assert_error_logged(
            result,
            BudgetError::MintExtensionsNotSupported,
            &format!("the mint carries the Token-2022 extension {extension:?}"),
        );
        assert!(!treasury(&w)
            .mints
            .contains(&fisc_tests::keypair(name).pubkey()));
    }

    #[test]
    fn a_transfer_fee_is_refused() {
        refused(
            "fee-mint",
            ExtensionType::TransferFeeConfig,
            |mint, auth| {
                transfer_fee::instruction::initialize_transfer_fee_config(
                    &TOKEN_2022,
                    mint,
                    Some(auth),
                    Some(auth),
                    50,
                    1_000,
                )
                .unwrap()
            },
        );
    }

    #[test]
    fn a_transfer_hook_is_refused() {
        refused("hook-mint", ExtensionType::TransferHook, |mint, auth| {
            transfer_hook::instruction::initialize(&TOKEN_2022, mint, Some(*auth), Some(budget::ID))
                .unwrap()
        });
    }

    #[test]
    fn a_permanent_delegate_is_refused() {
        refused(
            "delegate-mint",
            ExtensionType::PermanentDelegate,
            |mint, auth| token_ix::initialize_permanent_delegate(&TOKEN_2022, mint, auth).unwrap(),
        );
    }

    #[test]
    fn a_close_authority_is_refused() {
        refused(
            "closable-mint",
            ExtensionType::MintCloseAuthority,
            |mint, auth| {
                token_ix::initialize_mint_close_authority(&TOKEN_2022, mint, Some(auth)).unwrap()
            },
        );
    }

    #[test]
    fn a_default_frozen_state_is_refused() {
        refused(
            "frozen-mint",
            ExtensionType::DefaultAccountState,
            |mint, _| {
                default_account_state::instruction::initialize_default_account_state(
                    &TOKEN_2022,
                    mint,
                    &AccountState::Frozen,
                )
                .unwrap()
            },
        );
    }

    #[test]
    fn a_non_transferable_mint_is_refused() {
        refused(
            "soulbound-mint",
            ExtensionType::NonTransferable,
            |mint, _| token_ix::initialize_non_transferable_mint(&TOKEN_2022, mint).unwrap(),
        );
    }

    #[test]
    fn a_metadata_pointer_is_allowed() {
        let (w, result) = mint_add_with(
            "described-mint",
            ExtensionType::MetadataPointer,
            |mint, auth| {
                metadata_pointer::instruction::initialize(
                    &TOKEN_2022,
                    mint,
                    Some(*auth),
                    Some(*mint),
                )
                .unwrap()
            },
        );
        result.expect("a mint that only describes itself is allowed");
        assert!(treasury(&w)
            .mints
            .contains(&fisc_tests::keypair("described-mint").pubkey()));
    }
}
