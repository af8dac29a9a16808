//! Events, each emitted by self-CPI through [`emit`] (what `emit_cpi!` sends, built more cheaply): each carries who, what, amounts and references, enough to
//! rebuild the ledger off chain. Amounts are in the mint's base units.

use anchor_lang::prelude::*;

use crate::constants::{AGENCY_CODE_LEN, AWARD_ID_LEN, NAME_LEN, PAYEE_ID_LEN, TAS_LEN};

/// The treasury singleton was created.
#[event]
pub struct TreasuryInitialized {
    /// The treasury account.
    pub treasury: Pubkey,
    /// The central authority.
    pub authority: Pubkey,
    /// The disbursement program's authority PDA, the only signer of outlays.
    pub disbursement_authority: Pubkey,
    /// Month (1-12) in which the fiscal year starts.
    pub fiscal_year_start_month: u8,
    /// Years after expiry at which appropriations are cancelled.
    pub cancellation_years: u8,
}

/// A new central authority was proposed (step one of two).
#[event]
pub struct TreasuryAuthorityProposed {
    /// The current authority, who proposed.
    pub authority: Pubkey,
    /// The proposed authority.
    pub proposed: Pubkey,
}

/// The proposed central authority accepted (step two of two).
#[event]
pub struct TreasuryAuthorityAccepted {
    /// The authority before the change.
    pub previous: Pubkey,
    /// The authority now.
    pub authority: Pubkey,
}

/// A mint was allowed for payments.
#[event]
pub struct TreasuryMintAdded {
    /// The central authority that allowed it.
    pub authority: Pubkey,
    /// The mint.
    pub mint: Pubkey,
    /// Its token program (SPL Token or Token-2022).
    pub token_program: Pubkey,
}

/// The pause switch changed.
#[event]
pub struct TreasuryPauseChanged {
    /// The central authority.
    pub authority: Pubkey,
    /// True when outlays are now stopped.
    pub paused: bool,
}

/// An agency was registered.
#[event]
pub struct AgencyRegistered {
    /// The agency account.
    pub agency: Pubkey,
    /// Agency code, ASCII zero-padded.
    pub code: [u8; AGENCY_CODE_LEN],
    /// Display name, UTF-8 zero-padded.
    pub name: [u8; NAME_LEN],
    /// The agency's admin.
    pub admin: Pubkey,
    /// The central authority that registered it.
    pub registered_by: Pubkey,
}

/// A new agency admin was proposed (step one of two).
#[event]
pub struct AgencyAdminProposed {
    /// The agency.
    pub agency: Pubkey,
    /// The current admin, who proposed.
    pub admin: Pubkey,
    /// The proposed admin.
    pub proposed: Pubkey,
}

/// The proposed agency admin accepted (step two of two).
#[event]
pub struct AgencyAdminAccepted {
    /// The agency.
    pub agency: Pubkey,
    /// The admin before the change.
    pub previous: Pubkey,
    /// The admin now.
    pub admin: Pubkey,
}

/// An agency was deactivated: no new members, budget accounts or obligations.
#[event]
pub struct AgencyDeactivated {
    /// The agency.
    pub agency: Pubkey,
    /// The central authority that deactivated it.
    pub authority: Pubkey,
}

/// A deactivated agency was reactivated.
#[event]
pub struct AgencyReactivated {
    /// The agency.
    pub agency: Pubkey,
    /// The central authority that reactivated it.
    pub authority: Pubkey,
}

/// A member's roles were set (added, changed, or revoked with `roles == 0`).
#[event]
pub struct MemberRolesChanged {
    /// The agency.
    pub agency: Pubkey,
    /// The member's key.
    pub member: Pubkey,
    /// Roles before (bit flags, see `Role`).
    pub previous_roles: u8,
    /// Roles now.
    pub roles: u8,
    /// The agency admin who set them.
    pub admin: Pubkey,
}

/// A budget account (appropriation) was opened with its vault.
#[event]
pub struct BudgetAccountOpened {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account.
    pub budget_account: Pubkey,
    /// Its token vault.
    pub vault: Pubkey,
    /// Treasury Account Symbol, ASCII zero-padded.
    pub tas: [u8; TAS_LEN],
    /// The payment mint.
    pub mint: Pubkey,
    /// First fiscal year of availability.
    pub first_fiscal_year: u16,
    /// Last fiscal year of availability (0 for no-year).
    pub last_fiscal_year: u16,
    /// Its generation: which budget account of the agency it is.
    pub generation: u32,
    /// The budget officer who opened it.
    pub officer: Pubkey,
}

/// Tokens were deposited into a budget account's vault.
#[event]
pub struct BudgetAccountFunded {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account.
    pub budget_account: Pubkey,
    /// Amount deposited.
    pub amount: u64,
    /// Total funded after the deposit.
    pub funded: u64,
    /// Who deposited.
    pub depositor: Pubkey,
    /// The token account the deposit came from.
    pub source: Pubkey,
}

/// The central authority changed a budget account's authority (supplement or rescission).
#[event]
pub struct BudgetAccountAuthorityChanged {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account.
    pub budget_account: Pubkey,
    /// Authority before.
    pub previous_authorized: u64,
    /// Authority now.
    pub authorized: u64,
    /// The central authority.
    pub authority: Pubkey,
}

/// A cancelled budget account's remaining balance returned to the treasury.
#[event]
pub struct BudgetAccountCancelled {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account.
    pub budget_account: Pubkey,
    /// Amount returned.
    pub amount: u64,
    /// The treasury's token account that received it.
    pub destination: Pubkey,
    /// The central authority.
    pub authority: Pubkey,
}

/// A cancelled, empty budget account and its vault were closed.
#[event]
pub struct BudgetAccountClosed {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account (no longer exists).
    pub budget_account: Pubkey,
    /// Final authority.
    pub authorized: u64,
    /// Final amount obligated.
    pub obligated: u64,
    /// Final amount disbursed (net of recoveries).
    pub disbursed: u64,
    /// Total deposited into the vault.
    pub funded: u64,
    /// Total returned to the treasury at cancellation.
    pub returned: u64,
    /// Who received the rent.
    pub rent_to: Pubkey,
}

/// An obligation was created.
#[event]
pub struct ObligationCreated {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account.
    pub budget_account: Pubkey,
    /// The obligation.
    pub obligation: Pubkey,
    /// Award id (PIID/FAIN), ASCII zero-padded.
    pub award_id: [u8; AWARD_ID_LEN],
    /// The payee's wallet.
    pub payee: Pubkey,
    /// The payee's id (UEI), ASCII zero-padded.
    pub payee_id: [u8; PAYEE_ID_LEN],
    /// Object class code.
    pub object_class: u16,
    /// Amount obligated.
    pub amount: u64,
    /// Its generation: which obligation of the budget account it is.
    pub generation: u32,
    /// The budget officer.
    pub officer: Pubkey,
}

/// An obligation was adjusted up (`increase`) or down (deobligation).
#[event]
pub struct ObligationAdjusted {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account.
    pub budget_account: Pubkey,
    /// The obligation.
    pub obligation: Pubkey,
    /// True for an upward adjustment, false for a deobligation.
    pub increase: bool,
    /// Amount of the change.
    pub amount: u64,
    /// Obligation's amount after.
    pub obligated: u64,
    /// Budget account's total obligated after.
    pub account_obligated: u64,
    /// The budget officer.
    pub officer: Pubkey,
}

/// A closed obligation (fully paid, or its account cancelled).
#[event]
pub struct ObligationClosed {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account.
    pub budget_account: Pubkey,
    /// The obligation (no longer exists).
    pub obligation: Pubkey,
    /// Final amount obligated.
    pub obligated: u64,
    /// Final amount disbursed (net of recoveries).
    pub disbursed: u64,
    /// The budget officer.
    pub officer: Pubkey,
}

/// Tokens left a vault for a payee: an outlay against an obligation.
#[event]
pub struct OutlayMade {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account.
    pub budget_account: Pubkey,
    /// The obligation.
    pub obligation: Pubkey,
    /// The payee's wallet.
    pub payee: Pubkey,
    /// The token account paid.
    pub payee_token_account: Pubkey,
    /// Amount paid.
    pub amount: u64,
    /// Obligation's disbursed total after.
    pub obligation_disbursed: u64,
    /// Budget account's disbursed total after.
    pub account_disbursed: u64,
    /// The caller's reference (the disbursement program's payment request).
    pub reference: Pubkey,
}

/// A payee returned money: a recovery credited to the obligation.
#[event]
pub struct RecoveryRecorded {
    /// The agency.
    pub agency: Pubkey,
    /// The budget account.
    pub budget_account: Pubkey,
    /// The obligation.
    pub obligation: Pubkey,
    /// Amount returned to the vault.
    pub amount: u64,
    /// Obligation's disbursed total after.
    pub obligation_disbursed: u64,
    /// Budget account's disbursed total after.
    pub account_disbursed: u64,
    /// Who returned it.
    pub payer: Pubkey,
    /// The token account it came from.
    pub source: Pubkey,
}

/// Emit `event` by a CPI to this program signed by its event `authority` (see `budget::event_cpi`).
pub fn emit<E: anchor_lang::Event>(authority: &AccountInfo, event: &E) -> Result<()> {
    crate::event_cpi::emit(
        &crate::ID,
        authority,
        crate::EVENT_AUTHORITY_AND_BUMP.1,
        event,
    )
}
