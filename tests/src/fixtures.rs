//! Shared set-ups: the treasury, an agency with its officers, a funded budget account, obligations.
//! Every instruction comes from `fisc-client`'s builders (the program crates' generated modules).

use anchor_lang::prelude::{Clock, Pubkey};
use budget::constants::{AWARD_ID_LEN, PAYEE_ID_LEN};
use budget::state::Role;
use fisc_client::ix::budget::{self as bix, BudgetAccountRef};
use fisc_client::ix::{disbursement as dix, titles as tix};
use fisc_client::Instruction;
use solana_keypair::Keypair;
use solana_signer::Signer;

use crate::keys::{address, keypair, padded};
use crate::svm::{Harness, Sent};
use crate::token::SPL_TOKEN;

/// The central authority used by the shared set-ups.
pub const CENTRAL_AUTHORITY: &str = "central-authority";
/// The key the budget-only tests let stand in for the disbursement program's authority PDA.
pub const DISBURSEMENT_STAND_IN: &str = "disbursement-authority";
/// 2026-03-01T00:00:00Z: fiscal year 2026 under an October calendar.
pub const MARCH_2026: i64 = 1_772_323_200;
/// Seconds in a (non-leap) year, to move the clock by fiscal years.
pub const YEAR: i64 = 365 * 86_400;

/// Default `treasury_init` arguments: a US-style calendar (October), cancellation after 5 years,
/// outlays requested by `disbursement_authority`.
pub fn treasury_init_args_with(disbursement_authority: Pubkey) -> budget::TreasuryInitArgs {
    budget::TreasuryInitArgs {
        authority: address(CENTRAL_AUTHORITY),
        disbursement_authority,
        fiscal_year_start_month: 10,
        cancellation_years: 5,
    }
}

/// `treasury_init_args_with` the disbursement program's real authority PDA.
pub fn treasury_init_args() -> budget::TreasuryInitArgs {
    treasury_init_args_with(disbursement::pda::authority())
}

/// `treasury_init` signed by `upgrade_authority`.
pub fn treasury_init_ix(
    h: &Harness,
    upgrade_authority: Pubkey,
    args: budget::TreasuryInitArgs,
) -> Instruction {
    bix::treasury_init(h.payer.pubkey(), upgrade_authority, args)
}

/// `config_init` of the disbursement program signed by `upgrade_authority`.
pub fn config_init_ix(h: &Harness, upgrade_authority: Pubkey, admin: Pubkey) -> Instruction {
    dix::config_init(h.payer.pubkey(), upgrade_authority, admin)
}

/// Default `registry_init` arguments for the jurisdiction `US-DC`.
pub fn registry_init_args() -> titles::RegistryInitArgs {
    titles::RegistryInitArgs {
        jurisdiction: padded("US-DC"),
        name: padded("District of Columbia Recorder"),
        registrar: address("registrar"),
    }
}

/// `registry_init` signed by `authority` (the treasury's central authority when valid).
pub fn registry_init_ix(
    h: &Harness,
    authority: Pubkey,
    args: titles::RegistryInitArgs,
) -> Instruction {
    tix::registry_init(h.payer.pubkey(), authority, args)
}

/// Create the treasury with the default arguments.
pub fn init_treasury(h: &mut Harness) -> Sent {
    let ua = h.upgrade_authority.insecure_clone();
    let ix = treasury_init_ix(h, ua.pubkey(), treasury_init_args());
    h.send_ok(&[ix], &[&ua])
}

impl Harness {
    /// Set the SVM's clock to `unix_timestamp`.
    pub fn set_time(&mut self, unix_timestamp: i64) {
        let mut clock: Clock = self.svm.get_sysvar();
        clock.unix_timestamp = unix_timestamp;
        self.svm.set_sysvar(&clock);
    }
}

/// An award id.
pub fn award(text: &str) -> [u8; AWARD_ID_LEN] {
    padded(text)
}

/// A payee id (UEI).
pub fn uei(text: &str) -> [u8; PAYEE_ID_LEN] {
    padded(text)
}

/// The keypair whose address becomes the vault of the budget account under `tas`.
pub fn vault_keypair(tas: &str) -> Keypair {
    keypair(&format!("vault-{tas}"))
}

/// A treasury, one agency (`075`) with an admin and a budget officer, and one budget account
/// (`075-2026/2027-0512-000`, fiscal years 2026-2027, 1,000,000.000000 authorized, 600,000.000000
/// funded) in an allowed mint, at March 2026. Outlays are requested by a stand-in key.
pub struct World {
    pub h: Harness,
    pub central: Keypair,
    pub disbursement: Keypair,
    pub admin: Keypair,
    pub officer: Keypair,
    pub agency: Pubkey,
    pub account: BudgetAccountRef,
    /// The central authority's token account (funds vaults, receives cancelled balances).
    pub central_tokens: Pubkey,
}

/// Authority of the default budget account.
pub const AUTHORIZED: u64 = 1_000_000_000_000;
/// Funding of the default budget account.
pub const FUNDED: u64 = 600_000_000_000;

impl World {
    /// The default world under SPL Token.
    pub fn new() -> Self {
        Self::with_token_program(&SPL_TOKEN)
    }

    /// The default world with its mint under `token_program`.
    pub fn with_token_program(token_program: &Pubkey) -> Self {
        Self::build(token_program, false)
    }

    /// The default world with the disbursement program's real authority PDA in the treasury, so that
    /// only its CPI can pay.
    pub fn for_payments(token_program: &Pubkey) -> Self {
        Self::build(token_program, true)
    }

    fn build(token_program: &Pubkey, real_disbursement: bool) -> Self {
        let mut h = Harness::new();
        h.set_time(MARCH_2026);
        let ua = h.upgrade_authority.insecure_clone();
        let central = h.signer(CENTRAL_AUTHORITY);
        let disbursement = h.signer(DISBURSEMENT_STAND_IN);
        let outlay_signer = if real_disbursement {
            disbursement::pda::authority()
        } else {
            disbursement.pubkey()
        };
        let args = treasury_init_args_with(outlay_signer);
        h.send_ok(
            &[bix::treasury_init(h.payer.pubkey(), ua.pubkey(), args)],
            &[&ua],
        );

        let mint = h.create_mint("usd-mint", token_program, 6);
        h.send_ok(
            &[bix::treasury_mint_add(
                central.pubkey(),
                mint,
                *token_program,
            )],
            &[&central],
        );

        let admin = h.signer("agency-075-admin");
        let code = padded("075");
        let agency = budget::pda::agency(&code);
        let register = budget::AgencyRegisterArgs {
            code,
            name: padded("Department of Health and Human Services"),
            admin: admin.pubkey(),
        };
        h.send_ok(
            &[bix::agency_register(
                h.payer.pubkey(),
                central.pubkey(),
                register,
            )],
            &[&central],
        );
        let officer = h.signer("agency-075-budget-officer");
        let grant = bix::member_roles_set(
            h.payer.pubkey(),
            agency,
            admin.pubkey(),
            officer.pubkey(),
            Role::BUDGET_OFFICER,
        );
        h.send_ok(&[grant], &[&admin]);

        let tas = "075-2026/2027-0512-000";
        let vault = vault_keypair(tas);
        let account = BudgetAccountRef {
            agency,
            tas: padded(tas),
            mint,
            token_program: *token_program,
            vault: vault.pubkey(),
        };
        let open =
            bix::budget_account_open(h.payer.pubkey(), officer.pubkey(), &account, 2026, 2027);
        h.send_ok(&[open], &[&officer, &vault]);
        let grant = bix::budget_account_authorized_set(&account, central.pubkey(), AUTHORIZED);
        h.send_ok(&[grant], &[&central]);

        let central_tokens = h.create_token_account("central-tokens", &mint, &central.pubkey());
        h.mint_to(&mint, &central_tokens, 10 * FUNDED);
        h.send_ok(
            &[bix::budget_account_fund(
                &account,
                central.pubkey(),
                central_tokens,
                FUNDED,
                0,
            )],
            &[&central],
        );

        Self {
            h,
            central,
            disbursement,
            admin,
            officer,
            agency,
            account,
            central_tokens,
        }
    }

    /// Another budget account of the same agency and mint, under `tas`.
    pub fn account_ref(&self, tas: &str) -> BudgetAccountRef {
        BudgetAccountRef {
            tas: padded(tas),
            vault: vault_keypair(tas).pubkey(),
            ..self.account
        }
    }

    /// Open `account` (from [`World::account_ref`]) for the fiscal years given, signed by `officer`
    /// and the vault's keypair, and have the central authority grant it `authorized` in the same
    /// transaction (when not zero).
    pub fn open(
        &mut self,
        officer: &Keypair,
        account: &BudgetAccountRef,
        first_fiscal_year: u16,
        last_fiscal_year: u16,
        authorized: u64,
    ) -> Result<Sent, litesvm::types::FailedTransactionMetadata> {
        let payer = self.h.payer.pubkey();
        let mut ixs = vec![bix::budget_account_open(
            payer,
            officer.pubkey(),
            account,
            first_fiscal_year,
            last_fiscal_year,
        )];
        let central = self.central.insecure_clone();
        if authorized > 0 {
            ixs.push(bix::budget_account_authorized_set(
                account,
                central.pubkey(),
                authorized,
            ));
        }
        let tas = String::from_utf8_lossy(&account.tas)
            .trim_end_matches('\0')
            .to_string();
        let vault = vault_keypair(&tas);
        let mut signers = vec![officer, &vault];
        if authorized > 0 {
            signers.push(&central);
        }
        self.h.send(&ixs, &signers)
    }

    /// Arguments of an obligation to the payee named `payee` under `award_id`.
    pub fn obligation_args(
        &self,
        award_id: &str,
        payee: &str,
        amount: u64,
    ) -> budget::ObligationCreateArgs {
        budget::ObligationCreateArgs {
            award_id: award(award_id),
            payee: address(payee),
            payee_id: uei("ZQGGHJH74DW7"),
            object_class: 25,
            amount,
        }
    }

    /// Obligate `amount` to the payee named `payee` under `award_id`.
    pub fn obligate(&mut self, award_id: &str, payee: &str, amount: u64) -> Sent {
        let officer = self.officer.insecure_clone();
        let args = self.obligation_args(award_id, payee, amount);
        let ix =
            bix::obligation_create(self.h.payer.pubkey(), officer.pubkey(), &self.account, args);
        self.h.send_ok(&[ix], &[&officer])
    }

    /// The token account of the payee named `payee` (created on first use).
    pub fn payee_tokens(&mut self, payee: &str) -> Pubkey {
        let name = format!("{payee}-tokens");
        let address = keypair(&name).pubkey();
        if self.h.data(&address).is_none() {
            let owner = keypair(payee).pubkey();
            self.h
                .create_token_account(&name, &self.account.mint, &owner);
        }
        address
    }

    /// `outlay_execute` of `amount` against `award_id` to the payee named `payee`, signed by the
    /// stand-in disbursement authority.
    pub fn outlay_ix(&mut self, award_id: &str, payee: &str, amount: u64) -> Instruction {
        let to = self.payee_tokens(payee);
        let obligation = self.account.obligation(&award(award_id));
        let args = budget::OutlayExecuteArgs {
            amount,
            reference: address("payment-request"),
            budget_account_generation: self.budget_account().generation,
            obligation_generation: self
                .h
                .data(&obligation)
                .map_or(0, |_| self.obligation(award_id).generation),
            window_seconds: 0,
        };
        bix::outlay_execute(
            self.disbursement.pubkey(),
            &self.account,
            &award(award_id),
            to,
            args,
        )
    }

    /// Pay `amount` against `award_id` to the payee named `payee`.
    pub fn pay(&mut self, award_id: &str, payee: &str, amount: u64) -> Sent {
        let ix = self.outlay_ix(award_id, payee, amount);
        let disbursement = self.disbursement.insecure_clone();
        self.h.send_ok(&[ix], &[&disbursement])
    }

    /// Send `ix` signed by `signer`.
    pub fn send(
        &mut self,
        ix: Instruction,
        signer: &Keypair,
    ) -> Result<Sent, litesvm::types::FailedTransactionMetadata> {
        self.h.send(&[ix], &[signer])
    }

    /// The budget account's current state.
    pub fn budget_account(&self) -> budget::state::BudgetAccount {
        self.h.account(&self.account.address())
    }

    /// The obligation under `award_id`.
    pub fn obligation(&self, award_id: &str) -> budget::state::Obligation {
        self.h.account(&self.account.obligation(&award(award_id)))
    }

    /// The budget account's funded total now: what `budget_account_fund` is built against.
    pub fn funded(&self) -> u64 {
        self.budget_account().funded
    }

    /// The obligation `id`'s amount now (0 when it does not exist): what an adjustment is built against.
    pub fn obligated(&self, id: &[u8; AWARD_ID_LEN]) -> u64 {
        self.obligation_now(id).map_or(0, |o| o.obligated)
    }

    /// The obligation `id`'s disbursed amount now (0 when it does not exist): what a recovery is built
    /// against.
    pub fn disbursed(&self, id: &[u8; AWARD_ID_LEN]) -> u64 {
        self.obligation_now(id).map_or(0, |o| o.disbursed)
    }

    fn obligation_now(&self, id: &[u8; AWARD_ID_LEN]) -> Option<budget::state::Obligation> {
        let address = self.account.obligation(id);
        self.h.data(&address).map(|_| self.h.account(&address))
    }

    /// Tokens in the vault.
    pub fn vault_balance(&self) -> u64 {
        self.h.token_balance(&self.account.vault)
    }

    /// Assert the ledger's properties: `disbursed <= obligated <= authorized`, and the vault holds
    /// funded minus disbursed minus returned.
    #[track_caller]
    pub fn assert_books_balance(&self) {
        let a = self.budget_account();
        assert!(
            a.disbursed <= a.obligated && a.obligated <= a.authorized,
            "ledger out of order: {:?}",
            (a.disbursed, a.obligated, a.authorized)
        );
        assert_eq!(
            self.vault_balance(),
            a.funded - a.disbursed - a.returned,
            "vault does not match the books"
        );
    }
}

impl Clone for World {
    fn clone(&self) -> Self {
        Self {
            h: self.h.clone(),
            central: self.central.insecure_clone(),
            disbursement: self.disbursement.insecure_clone(),
            admin: self.admin.insecure_clone(),
            officer: self.officer.insecure_clone(),
            agency: self.agency,
            account: self.account,
            central_tokens: self.central_tokens,
        }
    }
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

/// The default approval policy: up to 10,000 one approval; up to 1,000,000 two; above, three and a
/// 48-hour time lock; 100,000,000 a week; only disbursing officers execute.
pub fn default_policy() -> disbursement::PolicySetArgs {
    use disbursement::state::Tier;
    disbursement::PolicySetArgs {
        tiers: vec![
            Tier {
                max_amount: 10_000,
                approvals: 1,
                time_lock_seconds: 0,
            },
            Tier {
                max_amount: 1_000_000,
                approvals: 2,
                time_lock_seconds: 0,
            },
            Tier {
                max_amount: u64::MAX,
                approvals: 3,
                time_lock_seconds: 48 * 3_600,
            },
        ],
        anyone_may_execute: false,
        period_seconds: 604_800,
        period_limit: 100_000_000,
        max_request_age_seconds: 90 * 86_400,
    }
}

/// A [`World`] paying through the disbursement program: the agency has a policy, a requester, three
/// approvers and a disbursing officer.
pub struct Payments {
    pub w: World,
    pub requester: Keypair,
    pub approvers: [Keypair; 3],
    pub disbursing_officer: Keypair,
}

impl Payments {
    /// SPL Token, the default policy.
    pub fn new() -> Self {
        Self::with(&SPL_TOKEN, default_policy())
    }

    /// The world under `token_program` with `policy`.
    pub fn with(token_program: &Pubkey, policy: disbursement::PolicySetArgs) -> Self {
        let mut w = World::for_payments(token_program);
        let admin = w.admin.insecure_clone();
        let payer = w.h.payer.pubkey();
        let agency = w.agency;
        w.send(
            fisc_client::ix::disbursement::policy_set(payer, agency, admin.pubkey(), policy),
            &admin,
        )
        .unwrap();
        let mut grant = |name: &str, roles: u8| {
            let kp = w.h.signer(name);
            let ix = bix::member_roles_set(payer, agency, admin.pubkey(), kp.pubkey(), roles);
            w.send(ix, &admin).unwrap();
            kp
        };
        let requester = grant("requester", Role::REQUESTER);
        let approvers = [
            grant("approver-1", Role::APPROVER),
            grant("approver-2", Role::APPROVER),
            grant("approver-3", Role::APPROVER),
        ];
        let disbursing_officer = grant("disbursing-officer", Role::DISBURSING_OFFICER);
        Self {
            w,
            requester,
            approvers,
            disbursing_officer,
        }
    }

    /// The agency's policy.
    pub fn policy(&self) -> disbursement::state::Policy {
        self.w.h.account(&disbursement::pda::policy(&self.w.agency))
    }

    /// `payment_propose` of `amount` against `award_id` to `payee`, at `sequence`, by `requester`.
    pub fn propose_ix(
        &mut self,
        requester: &Pubkey,
        award_id: &str,
        payee: &str,
        amount: u64,
        sequence: u64,
    ) -> Instruction {
        let to = self.w.payee_tokens(payee);
        let args = disbursement::PaymentProposeArgs {
            sequence,
            amount,
            document_hash: solana_sha256_hasher::hashv(&[
                award_id.as_bytes(),
                &sequence.to_le_bytes(),
            ])
            .to_bytes(),
            reference: padded("INV-2026-0001"),
        };
        let payer = self.w.h.payer.pubkey();
        let obligation = self.w.account.obligation(&award(award_id));
        fisc_client::ix::disbursement::payment_propose(
            payer,
            *requester,
            &self.w.account,
            obligation,
            to,
            args,
        )
    }

    /// Propose at the agency's next sequence; returns the request's address.
    pub fn propose(
        &mut self,
        award_id: &str,
        payee: &str,
        amount: u64,
    ) -> Result<Pubkey, litesvm::types::FailedTransactionMetadata> {
        let sequence = self.policy().next_sequence;
        let requester = self.requester.insecure_clone();
        let ix = self.propose_ix(&requester.pubkey(), award_id, payee, amount, sequence);
        self.w.send(ix, &requester)?;
        Ok(disbursement::pda::request(&self.w.agency, sequence))
    }

    /// Approval of `request` by approver `n` (0-2).
    pub fn approve(
        &mut self,
        request: &Pubkey,
        n: usize,
    ) -> Result<Sent, litesvm::types::FailedTransactionMetadata> {
        let approver = self.approvers[n].insecure_clone();
        let ix = fisc_client::ix::disbursement::payment_approve(
            self.w.agency,
            approver.pubkey(),
            *request,
        );
        self.w.send(ix, &approver)
    }

    /// The request at `request`.
    pub fn request(&self, request: &Pubkey) -> disbursement::state::PaymentRequest {
        self.w.h.account(request)
    }

    /// `payment_execute` of `request` by `executor` (with its membership when `officer`).
    pub fn execute_ix(&self, request: &Pubkey, executor: &Pubkey, officer: bool) -> Instruction {
        let r = self.request(request);
        let target = fisc_client::ix::disbursement::ExecuteRef {
            request: *request,
            requester: r.requester,
            obligation: r.obligation,
            payee_token_account: r.payee_token_account,
        };
        fisc_client::ix::disbursement::payment_execute(&self.w.account, *executor, officer, &target)
    }

    /// Execution by the disbursing officer of a request already closed (its accounts are the ones it
    /// had, rebuilt without reading it).
    pub fn execute_after_close(
        &mut self,
        request: &Pubkey,
    ) -> Result<Sent, litesvm::types::FailedTransactionMetadata> {
        let officer = self.disbursing_officer.insecure_clone();
        let target = fisc_client::ix::disbursement::ExecuteRef {
            request: *request,
            requester: self.requester.pubkey(),
            obligation: self.w.account.obligation(&award("AWARD-1")),
            payee_token_account: keypair("payee-a-tokens").pubkey(),
        };
        let ix = fisc_client::ix::disbursement::payment_execute(
            &self.w.account,
            officer.pubkey(),
            true,
            &target,
        );
        self.w.send(ix, &officer)
    }

    /// Execution by the disbursing officer.
    pub fn execute(
        &mut self,
        request: &Pubkey,
    ) -> Result<Sent, litesvm::types::FailedTransactionMetadata> {
        let officer = self.disbursing_officer.insecure_clone();
        let ix = self.execute_ix(request, &officer.pubkey(), true);
        self.w.send(ix, &officer)
    }
}

/// A second agency (`089`) beside a [`Payments`] world: its admin, an officer holding every payment
/// role there, and its own policy.
pub struct OtherAgency {
    pub agency: Pubkey,
    pub admin: Keypair,
    pub officer: Keypair,
}

impl Payments {
    /// Register agency `089` with its officer and policy.
    pub fn other_agency(&mut self) -> OtherAgency {
        let payer = self.w.h.payer.pubkey();
        let central = self.w.central.insecure_clone();
        let admin = self.w.h.signer("agency-089-admin");
        let code = padded("089");
        let register = budget::AgencyRegisterArgs {
            code,
            name: padded("Department of Energy"),
            admin: admin.pubkey(),
        };
        self.w
            .send(
                bix::agency_register(payer, central.pubkey(), register),
                &central,
            )
            .unwrap();
        let agency = budget::pda::agency(&code);
        let officer = self.w.h.signer("agency-089-officer");
        let roles = Role::REQUESTER | Role::APPROVER | Role::DISBURSING_OFFICER;
        let grant = bix::member_roles_set(payer, agency, admin.pubkey(), officer.pubkey(), roles);
        self.w.send(grant, &admin).unwrap();
        let policy = dix::policy_set(payer, agency, admin.pubkey(), default_policy());
        self.w.send(policy, &admin).unwrap();
        OtherAgency {
            agency,
            admin,
            officer,
        }
    }
}

impl Default for Payments {
    fn default() -> Self {
        Self::new()
    }
}

impl Clone for Payments {
    fn clone(&self) -> Self {
        Self {
            w: self.w.clone(),
            requester: self.requester.insecure_clone(),
            approvers: [0, 1, 2].map(|i| self.approvers[i].insecure_clone()),
            disbursing_officer: self.disbursing_officer.insecure_clone(),
        }
    }
}

/// A [`World`] with a land registry (`US-DC`), its registrar, a second agency (`089`), a property
/// officer in each agency, both agencies authorised by the registrar to register there, and an
/// authorised lien holder.
pub struct Titles {
    pub w: World,
    pub registry: Pubkey,
    pub registrar: Keypair,
    pub other_agency: Pubkey,
    pub officer: Keypair,
    pub other_officer: Keypair,
    pub lien_holder: Keypair,
}

impl Titles {
    pub fn new() -> Self {
        use fisc_client::ix::titles as tix;
        let mut w = World::new();
        let central = w.central.insecure_clone();
        let payer = w.h.payer.pubkey();
        let registrar = w.h.signer("registrar");
        let args = titles::RegistryInitArgs {
            registrar: registrar.pubkey(),
            ..registry_init_args()
        };
        let registry = titles::pda::registry(&args.jurisdiction);
        w.send(tix::registry_init(payer, central.pubkey(), args), &central)
            .unwrap();

        let other_admin = w.h.signer("agency-089-admin");
        let code = padded("089");
        let reg = budget::AgencyRegisterArgs {
            code,
            name: padded("Department of Energy"),
            admin: other_admin.pubkey(),
        };
        w.send(bix::agency_register(payer, central.pubkey(), reg), &central)
            .unwrap();
        let other_agency = budget::pda::agency(&code);

        let officer = w.h.signer("agency-075-property-officer");
        let admin = w.admin.insecure_clone();
        let agency = w.agency;
        w.send(
            bix::member_roles_set(
                payer,
                agency,
                admin.pubkey(),
                officer.pubkey(),
                Role::PROPERTY_OFFICER,
            ),
            &admin,
        )
        .unwrap();
        let other_officer = w.h.signer("agency-089-property-officer");
        w.send(
            bix::member_roles_set(
                payer,
                other_agency,
                other_admin.pubkey(),
                other_officer.pubkey(),
                Role::PROPERTY_OFFICER,
            ),
            &other_admin,
        )
        .unwrap();

        for holder in [agency, other_agency] {
            w.send(
                tix::registry_agency_set(payer, registry, registrar.pubkey(), holder, true),
                &registrar,
            )
            .unwrap();
        }
        let lien_holder = w.h.signer("lien-holder-bank");
        w.send(
            tix::lien_holder_set(
                payer,
                registry,
                registrar.pubkey(),
                lien_holder.pubkey(),
                true,
            ),
            &registrar,
        )
        .unwrap();
        Self {
            w,
            registry,
            registrar,
            other_agency,
            officer,
            other_officer,
            lien_holder,
        }
    }

    /// Registration arguments of parcel `parcel_id`.
    pub fn parcel(parcel_id: &str) -> titles::PropertyRegisterArgs {
        titles::PropertyRegisterArgs {
            parcel_id: padded(parcel_id),
            kind: titles::state::PropertyKind::BUILDING,
            latitude: 38_897_700,
            longitude: -77_036_500,
            legal_description_hash: solana_sha256_hasher::hashv(&[b"legal", parcel_id.as_bytes()])
                .to_bytes(),
            area_sq_m: 5_100,
            acquisition_cost: 12_500_000_000,
            acquisition_date: 946_684_800,
            deed_hash: solana_sha256_hasher::hashv(&[b"deed", parcel_id.as_bytes()]).to_bytes(),
        }
    }

    /// Register `parcel_id` for agency `075` by its property officer; returns the title's address.
    pub fn register(&mut self, parcel_id: &str) -> Pubkey {
        let officer = self.officer.insecure_clone();
        let payer = self.w.h.payer.pubkey();
        let ix = fisc_client::ix::titles::property_register(
            payer,
            self.registry,
            self.w.agency,
            officer.pubkey(),
            true,
            Self::parcel(parcel_id),
        );
        self.w.send(ix, &officer).unwrap();
        titles::pda::property(&self.registry, &padded(parcel_id))
    }

    /// The title at `property`.
    pub fn property(&self, property: &Pubkey) -> titles::state::Property {
        self.w.h.account(property)
    }
}

impl Default for Titles {
    fn default() -> Self {
        Self::new()
    }
}
