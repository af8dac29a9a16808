//! Budget accounts: open with a vault, fund, supplement and rescind, and the appropriation lifecycle
//! (open, expired, cancelled; cancellation sweep and close).

use anchor_lang::error::ErrorCode;

use budget::errors::BudgetError;
use budget::events::{
    BudgetAccountAuthorityChanged, BudgetAccountCancelled, BudgetAccountClosed,
    BudgetAccountFunded, BudgetAccountOpened,
};
use budget::state::{BudgetAccount, Role};
use fisc_client::ix::budget::{self as bix, BudgetAccountRef};
use fisc_tests::fixtures::{vault_keypair, World, AUTHORIZED, FUNDED, MARCH_2026, YEAR};
use fisc_tests::token::{SPL_TOKEN, TOKEN_2022};
use fisc_tests::{assert_error, padded, substituted, unsigned};
use solana_instruction_error::InstructionError;
use solana_signer::Signer;
use solana_transaction_error::TransactionError;

/// Agency `089` with a budget officer of its own.
fn second_agency(w: &mut World) -> (anchor_lang::prelude::Pubkey, solana_keypair::Keypair) {
    let central = w.central.insecure_clone();
    let payer = w.h.payer.pubkey();
    let admin = w.h.signer("agency-089-admin");
    let code = padded("089");
    let args = budget::AgencyRegisterArgs {
        code,
        name: padded("Department of Energy"),
        admin: admin.pubkey(),
    };
    w.send(
        bix::agency_register(payer, central.pubkey(), args),
        &central,
    )
    .unwrap();
    let agency = budget::pda::agency(&code);
    let officer = w.h.signer("agency-089-officer");
    w.send(
        bix::member_roles_set(
            payer,
            agency,
            admin.pubkey(),
            officer.pubkey(),
            Role::BUDGET_OFFICER,
        ),
        &admin,
    )
    .unwrap();
    (agency, officer)
}

#[test]
fn opens_an_account_with_its_vault() {
    for token_program in [SPL_TOKEN, TOKEN_2022] {
        let w = World::with_token_program(&token_program);
        let a = w.budget_account();
        assert_eq!(
            (a.agency, a.mint, a.first_fiscal_year, a.last_fiscal_year),
            (w.agency, w.account.mint, 2026, 2027)
        );
        assert_eq!(
            (a.authorized, a.obligated, a.disbursed, a.funded),
            (AUTHORIZED, 0, 0, FUNDED)
        );
        assert_eq!(a.cancellation_years, 5);
        // The vault belongs to the budget account PDA and holds what was funded.
        let vault = w.h.svm.get_account(&w.account.vault).unwrap();
        assert_eq!(vault.owner, token_program);
        assert_eq!(w.vault_balance(), FUNDED);
        w.assert_books_balance();
    }
}

#[test]
fn open_emits_its_event_and_creates_two_accounts() {
    let mut w = World::new();
    let officer = w.officer.insecure_clone();
    let other = w.account_ref("075-X-0513-000");
    let sent = w.open(&officer, &other, 2026, 0, 0).unwrap();
    let event: BudgetAccountOpened = sent.event(&budget::ID);
    assert_eq!(
        (
            event.budget_account,
            event.vault,
            event.last_fiscal_year,
            event.officer
        ),
        (other.address(), other.vault, 0, officer.pubkey())
    );
    let mut sizes: Vec<usize> = sent.created.iter().map(|(_, len)| *len).collect();
    sizes.sort();
    assert_eq!(sizes, vec![165, BudgetAccount::SPACE]);
    // The agency's second budget account: generation 1, counted by the agency.
    assert_eq!(event.generation, 1);
    let opened: BudgetAccount = w.h.account(&other.address());
    assert_eq!((opened.generation, opened.obligations_created), (1, 0));
    // Before: the officer opening it set its budget authority, and could obligate it at once. It opens
    // with none: only the central authority grants it.
    assert_eq!(opened.authorized, 0);
    let payer = w.h.payer.pubkey();
    let args = w.obligation_args("AWARD-1", "payee-a", 1);
    assert_error(
        w.send(
            bix::obligation_create(payer, officer.pubkey(), &other, args.clone()),
            &officer,
        ),
        BudgetError::ExceedsUnobligatedAuthority,
    );
    assert_error(
        w.send(
            bix::budget_account_authorized_set(&other, officer.pubkey(), 1_000),
            &officer,
        ),
        BudgetError::NotCentralAuthority,
    );
    let central = w.central.insecure_clone();
    w.send(
        bix::budget_account_authorized_set(&other, central.pubkey(), 1_000),
        &central,
    )
    .unwrap();
    w.send(
        bix::obligation_create(payer, officer.pubkey(), &other, args),
        &officer,
    )
    .unwrap();
    let agency: budget::state::Agency = w.h.account(&w.agency);
    assert_eq!(agency.budget_accounts_opened, 2);
}

#[test]
fn open_attacks() {
    let mut w = World::new();
    let payer = w.h.payer.pubkey();
    let officer = w.officer.insecure_clone();
    let admin = w.admin.insecure_clone();
    let other = w.account_ref("075-2026/2026-0513-000");

    // Missing signature; a member without the budget officer role; a stranger with no membership.
    let ix = unsigned(
        bix::budget_account_open(payer, officer.pubkey(), &other, 2026, 2026),
        &officer.pubkey(),
    );
    assert_error(
        w.h.send(&[ix], &[&vault_keypair("075-2026/2026-0513-000")]),
        ErrorCode::AccountNotSigner,
    );
    let clerk = w.h.signer("clerk");
    w.send(
        bix::member_roles_set(
            payer,
            w.agency,
            admin.pubkey(),
            clerk.pubkey(),
            Role::REQUESTER | Role::APPROVER,
        ),
        &admin,
    )
    .unwrap();
    assert_error(
        w.open(&clerk, &other, 2026, 2026, 0),
        BudgetError::MissingRole,
    );
    let intruder = w.h.signer("intruder");
    // No membership: the (zero-copy) member account is empty, owned by the system program.
    assert_error(
        w.open(&intruder, &other, 2026, 2026, 0),
        ErrorCode::AccountOwnedByWrongProgram,
    );
    // The budget officer of another agency, with that agency's membership, for this agency.
    let (other_agency, other_officer) = second_agency(&mut w);
    let ix = bix::budget_account_open(payer, other_officer.pubkey(), &other, 2026, 2026);
    let ix = substituted(
        ix,
        &budget::pda::member(&w.agency, &other_officer.pubkey()),
        &budget::pda::member(&other_agency, &other_officer.pubkey()),
    );
    assert_error(
        w.h.send(
            &[ix],
            &[&other_officer, &vault_keypair("075-2026/2026-0513-000")],
        ),
        BudgetError::NotAMember,
    );
    // A mint the treasury does not allow; a mint with the wrong token program.
    let rogue = w.h.create_mint("rogue-mint", &SPL_TOKEN, 6);
    let rogue_account = BudgetAccountRef {
        mint: rogue,
        ..other
    };
    assert_error(
        w.open(&officer, &rogue_account, 2026, 2026, 0),
        BudgetError::MintNotAllowed,
    );
    // (The vault's creation under the wrong program fails first, in the token program itself.)
    let wrong_program = BudgetAccountRef {
        token_program: TOKEN_2022,
        ..other
    };
    let err = w.open(&officer, &wrong_program, 2026, 2026, 0).unwrap_err();
    assert_eq!(
        err.err,
        TransactionError::InstructionError(0, InstructionError::IncorrectProgramId)
    );
    // Another account's vault as this one's: it exists already.
    let taken = BudgetAccountRef {
        vault: w.account.vault,
        ..other
    };
    let ix = bix::budget_account_open(payer, officer.pubkey(), &taken, 2026, 2026);
    let err =
        w.h.send(&[ix], &[&officer, &vault_keypair("075-2026/2027-0512-000")])
            .unwrap_err();
    fisc_tests::assert_logged(&err, "already in use");
    // Reinitialisation of the existing account.
    let existing = w.account;
    let err = w.open(&officer, &existing, 2026, 2027, 0).unwrap_err();
    fisc_tests::assert_logged(&err, "already in use");
    assert_eq!(w.budget_account().authorized, AUTHORIZED);
    // Another TAS's address for this one's budget account: not its PDA.
    let elsewhere = w.account_ref("075-2026/2026-0777-000");
    let ix = substituted(
        bix::budget_account_open(payer, officer.pubkey(), &other, 2026, 2026),
        &other.address(),
        &elsewhere.address(),
    );
    assert_error(
        w.h.send(&[ix], &[&officer, &vault_keypair("075-2026/2026-0513-000")]),
        ErrorCode::ConstraintSeeds,
    );
    assert!(w.h.data(&elsewhere.address()).is_none());
    // Malformed TAS and periods.
    let blank = BudgetAccountRef {
        tas: [0; 24],
        ..other
    };
    let ix = bix::budget_account_open(payer, officer.pubkey(), &blank, 2026, 2026);
    assert_error(
        w.h.send(&[ix], &[&officer, &vault_keypair("075-2026/2026-0513-000")]),
        BudgetError::InvalidTas,
    );
    assert_error(
        w.open(&officer, &other, 2027, 2026, 0),
        BudgetError::InvalidPeriod,
    );
    assert_error(
        w.open(&officer, &other, 1900, 1901, 0),
        BudgetError::InvalidPeriod,
    );
    assert!(
        w.h.data(&other.address()).is_none(),
        "no failed open left an account behind"
    );
}

#[test]
fn funding_moves_tokens_into_the_vault() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    let sent = w
        .send(
            bix::budget_account_fund(
                &w.account,
                central.pubkey(),
                w.central_tokens,
                25,
                w.funded(),
            ),
            &central,
        )
        .unwrap();
    let event: BudgetAccountFunded = sent.event(&budget::ID);
    assert_eq!(
        (event.amount, event.funded, event.depositor),
        (25, FUNDED + 25, central.pubkey())
    );
    assert_eq!(w.vault_balance(), FUNDED + 25);
    w.assert_books_balance();
}

#[test]
fn funding_attacks() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    let src = w.central_tokens;
    let ix = unsigned(
        bix::budget_account_fund(&w.account, central.pubkey(), src, 1, w.funded()),
        &central.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    assert_error(
        w.send(
            bix::budget_account_fund(&w.account, central.pubkey(), src, 0, w.funded()),
            &central,
        ),
        BudgetError::ZeroAmount,
    );
    // Someone else's token account as the source.
    let thief = w.h.signer("thief");
    assert_error(
        w.send(
            bix::budget_account_fund(&w.account, thief.pubkey(), src, 1, w.funded()),
            &thief,
        ),
        ErrorCode::ConstraintTokenOwner,
    );
    // A source in another mint.
    let other_mint = w.h.create_mint("other-mint", &SPL_TOKEN, 6);
    let (holder, other_src) = w.h.funded_token_account("holder", &other_mint, 100);
    assert_error(
        w.send(
            bix::budget_account_fund(&w.account, holder.pubkey(), other_src, 1, w.funded()),
            &holder,
        ),
        ErrorCode::ConstraintTokenMint,
    );
    // A vault that is not this account's.
    let (_, elsewhere) = w.h.funded_token_account("elsewhere", &w.account.mint, 0);
    let ix = substituted(
        bix::budget_account_fund(&w.account, central.pubkey(), src, 1, w.funded()),
        &w.account.vault,
        &elsewhere,
    );
    assert_error(w.send(ix, &central), BudgetError::VaultMismatch);
    // More than the source holds.
    let (poor, poor_src) = w.h.funded_token_account("poor", &w.account.mint, 5);
    let err = w
        .send(
            bix::budget_account_fund(&w.account, poor.pubkey(), poor_src, 6, w.funded()),
            &poor,
        )
        .unwrap_err();
    fisc_tests::assert_logged(&err, "insufficient funds");
    assert_eq!(w.budget_account().funded, FUNDED);
    w.assert_books_balance();
}

#[test]
fn funding_overflow_is_refused() {
    let mut w = World::new();
    let address = w.account.address();
    let mut account = w.h.svm.get_account(&address).unwrap();
    let mut state = w.budget_account();
    state.funded = u64::MAX - 5;
    // Zero-copy: the bytes after the discriminator are the struct's.
    let bytes = bytemuck::bytes_of(&state);
    account.data[8..8 + bytes.len()].copy_from_slice(bytes);
    w.h.svm.set_account(address, account).unwrap();
    let central = w.central.insecure_clone();
    assert_error(
        w.send(
            bix::budget_account_fund(
                &w.account,
                central.pubkey(),
                w.central_tokens,
                10,
                w.funded(),
            ),
            &central,
        ),
        BudgetError::AmountOverflow,
    );
}

#[test]
fn supplements_and_rescissions() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    w.obligate("AWARD-1", "payee-a", 400);
    let sent = w
        .send(
            bix::budget_account_authorized_set(&w.account, central.pubkey(), AUTHORIZED * 2),
            &central,
        )
        .unwrap();
    let event: BudgetAccountAuthorityChanged = sent.event(&budget::ID);
    assert_eq!(
        (event.previous_authorized, event.authorized),
        (AUTHORIZED, AUTHORIZED * 2)
    );
    w.send(
        bix::budget_account_authorized_set(&w.account, central.pubkey(), 400),
        &central,
    )
    .unwrap();
    assert_eq!(w.budget_account().authorized, 400);
    assert_error(
        w.send(
            bix::budget_account_authorized_set(&w.account, central.pubkey(), 399),
            &central,
        ),
        BudgetError::RescissionBelowObligated,
    );
    let officer = w.officer.insecure_clone();
    assert_error(
        w.send(
            bix::budget_account_authorized_set(&w.account, officer.pubkey(), u64::MAX),
            &officer,
        ),
        BudgetError::NotCentralAuthority,
    );
    let ix = unsigned(
        bix::budget_account_authorized_set(&w.account, central.pubkey(), 1_000),
        &central.pubkey(),
    );
    assert_error(w.h.send(&[ix], &[]), ErrorCode::AccountNotSigner);
    // The largest authority is fine, and obligations still cannot overflow it.
    w.send(
        bix::budget_account_authorized_set(&w.account, central.pubkey(), u64::MAX),
        &central,
    )
    .unwrap();
    let officer = w.officer.insecure_clone();
    let ix = bix::obligation_increase(
        officer.pubkey(),
        &w.account,
        &padded("AWARD-1"),
        u64::MAX,
        w.obligated(&padded("AWARD-1")),
    );
    assert_error(
        w.send(ix, &officer),
        BudgetError::ExceedsUnobligatedAuthority,
    );
    w.assert_books_balance();
}

#[test]
fn the_appropriation_lifecycle() {
    let mut w = World::new();
    let payer = w.h.payer.pubkey();
    let officer = w.officer.insecure_clone();
    let central = w.central.insecure_clone();
    w.obligate("AWARD-1", "payee-a", 1_000);
    w.obligate("AWARD-2", "payee-b", 500);
    w.pay("AWARD-1", "payee-a", 300);

    // Fiscal year 2028: expired. No new obligations; adjustments and payments continue.
    w.h.set_time(MARCH_2026 + 2 * YEAR);
    let args = w.obligation_args("AWARD-3", "payee-c", 10);
    assert_error(
        w.send(
            bix::obligation_create(payer, officer.pubkey(), &w.account, args),
            &officer,
        ),
        BudgetError::AccountNotOpen,
    );
    w.send(
        bix::obligation_increase(
            officer.pubkey(),
            &w.account,
            &padded("AWARD-1"),
            100,
            w.obligated(&padded("AWARD-1")),
        ),
        &officer,
    )
    .unwrap();
    w.pay("AWARD-1", "payee-a", 800);
    assert_error(
        w.send(
            bix::budget_account_cancel(&w.account, central.pubkey(), w.central_tokens),
            &central,
        ),
        BudgetError::AccountNotCancelled,
    );

    // Fiscal year 2032 is the last of the five expired years; 2033 cancels the account.
    w.h.set_time(MARCH_2026 + 6 * YEAR);
    w.pay("AWARD-2", "payee-b", 100);
    w.h.set_time(MARCH_2026 + 7 * YEAR);
    let ix = w.outlay_ix("AWARD-2", "payee-b", 100);
    let disbursement = w.disbursement.insecure_clone();
    assert_error(w.send(ix, &disbursement), BudgetError::AccountCancelled);
    assert_error(
        w.send(
            bix::obligation_increase(
                officer.pubkey(),
                &w.account,
                &padded("AWARD-2"),
                1,
                w.obligated(&padded("AWARD-2")),
            ),
            &officer,
        ),
        BudgetError::AccountCancelled,
    );
    assert_error(
        w.send(
            bix::budget_account_authorized_set(&w.account, central.pubkey(), AUTHORIZED),
            &central,
        ),
        BudgetError::AccountCancelled,
    );

    // The remaining balance returns to the treasury.
    let before = w.h.token_balance(&w.central_tokens);
    let remaining = w.vault_balance();
    assert_eq!(remaining, FUNDED - 1_200);
    let intruder = w.h.signer("intruder");
    let (_, intruder_tokens) =
        w.h.funded_token_account("intruder-wallet", &w.account.mint, 0);
    assert_error(
        w.send(
            bix::budget_account_cancel(&w.account, intruder.pubkey(), intruder_tokens),
            &intruder,
        ),
        BudgetError::NotCentralAuthority,
    );
    assert_error(
        w.send(
            bix::budget_account_cancel(&w.account, central.pubkey(), intruder_tokens),
            &central,
        ),
        ErrorCode::ConstraintTokenOwner,
    );
    let sent = w
        .send(
            bix::budget_account_cancel(&w.account, central.pubkey(), w.central_tokens),
            &central,
        )
        .unwrap();
    assert_eq!(
        sent.event::<BudgetAccountCancelled>(&budget::ID).amount,
        remaining
    );
    assert_eq!(w.h.token_balance(&w.central_tokens), before + remaining);
    assert_eq!(w.vault_balance(), 0);
    w.assert_books_balance();
    assert_error(
        w.send(
            bix::budget_account_cancel(&w.account, central.pubkey(), w.central_tokens),
            &central,
        ),
        BudgetError::ZeroAmount,
    );

    // Close: only once every obligation is closed.
    assert_error(
        w.send(
            bix::budget_account_close(&w.account, central.pubkey()),
            &central,
        ),
        BudgetError::ObligationsOutstanding,
    );
    for award in ["AWARD-1", "AWARD-2"] {
        w.send(
            bix::obligation_close(officer.pubkey(), &w.account, &padded(award)),
            &officer,
        )
        .unwrap();
    }
    let lamports_before = w.h.svm.get_balance(&central.pubkey()).unwrap();
    let sent = w
        .send(
            bix::budget_account_close(&w.account, central.pubkey()),
            &central,
        )
        .unwrap();
    let event: BudgetAccountClosed = sent.event(&budget::ID);
    assert_eq!(
        (
            event.obligated,
            event.disbursed,
            event.funded,
            event.returned
        ),
        (1_600, 1_200, FUNDED, FUNDED - 1_200)
    );
    assert!(w.h.data(&w.account.address()).is_none() && w.h.data(&w.account.vault).is_none());
    assert!(
        w.h.svm.get_balance(&central.pubkey()).unwrap() > lamports_before,
        "rent returned"
    );
}

#[test]
fn not_yet_available_and_no_year_accounts() {
    let mut w = World::new();
    let payer = w.h.payer.pubkey();
    let officer = w.officer.insecure_clone();
    let future = w.account_ref("075-2028/2029-0512-000");
    w.open(&officer, &future, 2028, 2029, 1_000).unwrap();
    let args = w.obligation_args("AWARD-F", "payee-a", 10);
    assert_error(
        w.send(
            bix::obligation_create(payer, officer.pubkey(), &future, args.clone()),
            &officer,
        ),
        BudgetError::AccountNotOpen,
    );
    w.h.set_time(MARCH_2026 + 2 * YEAR);
    w.send(
        bix::obligation_create(payer, officer.pubkey(), &future, args),
        &officer,
    )
    .unwrap();

    let no_year = w.account_ref("075-X-0512-000");
    w.open(&officer, &no_year, 2026, 0, 1_000).unwrap();
    w.h.set_time(MARCH_2026 + 40 * YEAR);
    let args = w.obligation_args("AWARD-N", "payee-a", 10);
    w.send(
        bix::obligation_create(payer, officer.pubkey(), &no_year, args),
        &officer,
    )
    .unwrap();
}

#[test]
fn tokens_sent_around_the_program_are_swept_and_counted() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    // A direct transfer to the vault, outside budget_account_fund.
    w.h.mint_to(&w.account.mint, &w.account.vault, 7);
    w.h.set_time(MARCH_2026 + 7 * YEAR);
    w.send(
        bix::budget_account_cancel(&w.account, central.pubkey(), w.central_tokens),
        &central,
    )
    .unwrap();
    let a = w.budget_account();
    assert_eq!((a.funded, a.returned), (FUNDED + 7, FUNDED + 7));
    w.assert_books_balance();
}

#[test]
fn a_deposit_that_lands_twice_counts_once() {
    let mut w = World::new();
    let central = w.central.insecure_clone();
    // One deposit, built once against the funded total; its retry is a second copy of the same
    // instruction (a new blockhash, so a new signature) landing after the first.
    let ix = bix::budget_account_fund(
        &w.account,
        central.pubkey(),
        w.central_tokens,
        25,
        w.funded(),
    );
    w.send(ix.clone(), &central).unwrap();
    let (account, vault) = (w.budget_account(), w.vault_balance());
    assert_eq!(account.funded, FUNDED + 25);
    assert_error(w.send(ix, &central), BudgetError::FundedChanged);
    assert_eq!((w.budget_account(), w.vault_balance()), (account, vault));
    // Built against a total the account never had: refused, nothing moves.
    assert_error(
        w.send(
            bix::budget_account_fund(&w.account, central.pubkey(), w.central_tokens, 25, FUNDED),
            &central,
        ),
        BudgetError::FundedChanged,
    );
    assert_eq!((w.budget_account(), w.vault_balance()), (account, vault));
    w.assert_books_balance();
}
