//! The deploy-time bootstrap described in a config file (`migrations/localnet.toml`): treasury, the
//! payment mint, agencies with their members and policies, budget accounts with their funding,
//! obligations and land registries. Applying it is idempotent: each step looks at the chain first, and
//! a second run changes nothing and says so.

use anchor_lang::prelude::Pubkey;
use anchor_lang::AccountDeserialize;
use anyhow::{bail, Context, Result};
use budget::state::Role;
use serde::Deserialize;
use solana_keypair::Keypair;
use solana_signer::Signer;

use crate::keys::Keys;
use fisc_client::amount::parse_amount;
use fisc_client::ix::budget::{self as bix, BudgetAccountRef};
use fisc_client::ix::disbursement as dix;
use fisc_client::ix::titles as tix;
use fisc_client::submit::Client;
use fisc_client::text::padded;

/// The whole plan.
#[derive(Debug, Deserialize)]
pub struct Plan {
    pub treasury: TreasuryPlan,
    pub mint: MintPlan,
    #[serde(default)]
    pub agencies: Vec<AgencyPlan>,
    #[serde(default)]
    pub registries: Vec<RegistryPlan>,
}

/// Treasury settings.
#[derive(Debug, Deserialize)]
pub struct TreasuryPlan {
    pub fiscal_year_start_month: u8,
    pub cancellation_years: u8,
}

/// The payment mint (a test stablecoin on a local chain).
#[derive(Debug, Deserialize)]
pub struct MintPlan {
    pub name: String,
    pub decimals: u8,
    /// `spl-token` or `token-2022`.
    pub token_program: String,
}

/// An agency, its members, policy and budget accounts.
#[derive(Debug, Deserialize)]
pub struct AgencyPlan {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub members: Vec<MemberPlan>,
    pub policy: Option<PolicyPlan>,
    #[serde(default)]
    pub budget_accounts: Vec<BudgetAccountPlan>,
}

/// A member (a named key) and its roles.
#[derive(Debug, Deserialize)]
pub struct MemberPlan {
    pub name: String,
    pub roles: Vec<String>,
}

/// An approval policy, amounts in tokens.
#[derive(Debug, Deserialize)]
pub struct PolicyPlan {
    pub tiers: Vec<TierPlan>,
    pub anyone_may_execute: bool,
    pub period: String,
    pub period_limit: String,
    /// Days a payment request may wait for execution before it expires.
    #[serde(default = "default_request_age_days")]
    pub max_request_age_days: u32,
}

/// A payment request's lifetime when the plan names none: 90 days.
fn default_request_age_days() -> u32 {
    90
}

/// One approval tier; `max_amount = "max"` for the last.
#[derive(Debug, Deserialize)]
pub struct TierPlan {
    pub max_amount: String,
    pub approvals: u8,
    #[serde(default)]
    pub time_lock_hours: u32,
}

/// A budget account, its funding and obligations.
#[derive(Debug, Deserialize)]
pub struct BudgetAccountPlan {
    pub tas: String,
    pub first_fiscal_year: u16,
    pub last_fiscal_year: u16,
    pub authorized: String,
    pub funded: String,
    pub officer: String,
    #[serde(default)]
    pub obligations: Vec<ObligationPlan>,
}

/// An obligation to a payee (a named key).
#[derive(Debug, Deserialize)]
pub struct ObligationPlan {
    pub award_id: String,
    pub payee: String,
    pub payee_id: String,
    pub object_class: u16,
    pub amount: String,
}

/// A land registry.
#[derive(Debug, Deserialize)]
pub struct RegistryPlan {
    pub jurisdiction: String,
    pub name: String,
    pub registrar: String,
    #[serde(default)]
    pub lien_holders: Vec<String>,
    /// Codes of the agencies whose property officers may register parcels here.
    #[serde(default)]
    pub agencies: Vec<String>,
}

impl Plan {
    /// Read and check a plan file.
    pub fn load(path: &std::path::Path) -> Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let plan: Plan = toml::from_str(&text)
            .with_context(|| format!("{} is not a valid plan", path.display()))?;
        plan.mint_program()?;
        for agency in &plan.agencies {
            for member in &agency.members {
                role_flags(&member.roles)
                    .with_context(|| format!("agency {} member {}", agency.code, member.name))?;
            }
        }
        Ok(plan)
    }

    /// The mint's token program.
    pub fn mint_program(&self) -> Result<Pubkey> {
        match self.mint.token_program.as_str() {
            "spl-token" => Ok(spl_token_interface::ID),
            "token-2022" => Ok(spl_token_2022_interface::ID),
            other => {
                bail!("mint.token_program {other:?}: expected \"spl-token\" or \"token-2022\"")
            }
        }
    }
}

/// Role names to flags.
pub fn role_flags(roles: &[String]) -> Result<u8> {
    roles.iter().try_fold(0u8, |flags, role| {
        let flag = match role.as_str() {
            "budget_officer" => Role::BUDGET_OFFICER,
            "requester" => Role::REQUESTER,
            "approver" => Role::APPROVER,
            "disbursing_officer" => Role::DISBURSING_OFFICER,
            "property_officer" => Role::PROPERTY_OFFICER,
            other => bail!("unknown role {other:?} (budget_officer, requester, approver, disbursing_officer, property_officer)"),
        };
        Ok(flags | flag)
    })
}

/// What one step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Created(String, String),
    Unchanged(String),
}

/// Applies a plan through a client, with the named keys of the deployment.
pub struct Bootstrap<'a> {
    pub client: &'a Client,
    pub keys: &'a Keys,
    /// The programs' upgrade authority (signs the root instructions).
    pub deployer: &'a Keypair,
    pub steps: Vec<Step>,
}

impl<'a> Bootstrap<'a> {
    pub fn new(client: &'a Client, keys: &'a Keys, deployer: &'a Keypair) -> Self {
        Self {
            client,
            keys,
            deployer,
            steps: vec![],
        }
    }

    fn exists(&self, address: &Pubkey) -> Result<bool> {
        Ok(self
            .client
            .with_retries(|rpc| {
                rpc.get_account_with_commitment(address, self.client.config.commitment)
            })?
            .value
            .is_some())
    }

    /// The Anchor account at `address`, if it exists.
    pub fn fetch<T: AccountDeserialize>(&self, address: &Pubkey) -> Result<Option<T>> {
        let account = self
            .client
            .with_retries(|rpc| {
                rpc.get_account_with_commitment(address, self.client.config.commitment)
            })?
            .value;
        account
            .map(|a| {
                T::try_deserialize(&mut a.data.as_slice())
                    .map_err(|e| anyhow::anyhow!("{address}: {e}"))
            })
            .transpose()
    }

    fn run(
        &mut self,
        what: String,
        ixs: &[anchor_lang::solana_program::instruction::Instruction],
        signers: &[&Keypair],
    ) -> Result<()> {
        let landed = self
            .client
            .send(ixs, signers)
            .with_context(|| what.clone())?;
        self.steps.push(Step::Created(
            what,
            self.client.explorer.tx(&landed.signature),
        ));
        Ok(())
    }

    fn unchanged(&mut self, what: String) {
        self.steps.push(Step::Unchanged(what));
    }

    /// Apply `plan`.
    pub fn apply(&mut self, plan: &Plan) -> Result<()> {
        let payer = self.client.payer.pubkey();
        let central = self.keys.get("central-authority")?;
        self.fund(&central.pubkey())?;

        let treasury = budget::pda::treasury();
        if self.exists(&treasury)? {
            self.unchanged("treasury".into());
        } else {
            let args = budget::TreasuryInitArgs {
                authority: central.pubkey(),
                disbursement_authority: disbursement::pda::authority(),
                fiscal_year_start_month: plan.treasury.fiscal_year_start_month,
                cancellation_years: plan.treasury.cancellation_years,
            };
            self.run(
                "treasury".into(),
                &[bix::treasury_init(payer, self.deployer.pubkey(), args)],
                &[self.deployer],
            )?;
        }
        if self.exists(&disbursement::pda::config())? {
            self.unchanged("disbursement config".into());
        } else {
            self.run(
                "disbursement config".into(),
                &[dix::config_init(
                    payer,
                    self.deployer.pubkey(),
                    central.pubkey(),
                )],
                &[self.deployer],
            )?;
        }

        let token_program = plan.mint_program()?;
        let mint = self.keys.get(&format!("mint-{}", plan.mint.name))?;
        if self.exists(&mint.pubkey())? {
            self.unchanged(format!("mint {}", plan.mint.name));
        } else {
            let rent = self
                .client
                .with_retries(|rpc| rpc.get_minimum_balance_for_rent_exemption(82))?;
            let ixs = [
                anchor_lang::solana_program::system_instruction::create_account(
                    &payer,
                    &mint.pubkey(),
                    rent,
                    82,
                    &token_program,
                ),
                spl_token_2022_interface::instruction::initialize_mint2(
                    &token_program,
                    &mint.pubkey(),
                    &central.pubkey(),
                    None,
                    plan.mint.decimals,
                )?,
            ];
            self.run(format!("mint {}", plan.mint.name), &ixs, &[&mint])?;
        }
        let treasury_state: budget::state::Treasury =
            self.fetch(&treasury)?.context("treasury missing")?;
        if treasury_state.allows_mint(&mint.pubkey()) {
            self.unchanged("mint allowed by the treasury".into());
        } else {
            self.run(
                "mint allowed by the treasury".into(),
                &[bix::treasury_mint_add(
                    central.pubkey(),
                    mint.pubkey(),
                    token_program,
                )],
                &[&central],
            )?;
        }

        for agency in &plan.agencies {
            self.apply_agency(
                agency,
                &central,
                &mint.pubkey(),
                token_program,
                plan.mint.decimals,
            )?;
        }
        for registry in &plan.registries {
            self.apply_registry(registry, &central)?;
        }
        Ok(())
    }

    /// Give a local key SOL for fees when it has little.
    pub fn fund(&mut self, who: &Pubkey) -> Result<()> {
        let balance = self.client.with_retries(|rpc| rpc.get_balance(who))?;
        if balance < 1_000_000_000 {
            let ix = anchor_lang::solana_program::system_instruction::transfer(
                &self.client.payer.pubkey(),
                who,
                10_000_000_000,
            );
            self.client
                .send(&[ix], &[])
                .context("funding a local key")?;
        }
        Ok(())
    }

    fn apply_agency(
        &mut self,
        plan: &AgencyPlan,
        central: &Keypair,
        mint: &Pubkey,
        token_program: Pubkey,
        decimals: u8,
    ) -> Result<()> {
        let payer = self.client.payer.pubkey();
        let code = padded::<8>(&plan.code)?;
        let agency = budget::pda::agency(&code);
        let admin = self.keys.get(&format!("agency-{}-admin", plan.code))?;
        self.fund(&admin.pubkey())?;
        let label = format!("agency {}", plan.code);
        if self.exists(&agency)? {
            self.unchanged(label);
        } else {
            let args = budget::AgencyRegisterArgs {
                code,
                name: padded(&plan.name)?,
                admin: admin.pubkey(),
            };
            self.run(
                label,
                &[bix::agency_register(payer, central.pubkey(), args)],
                &[central],
            )?;
        }
        for member in &plan.members {
            let key = self.keys.get(&member.name)?;
            self.fund(&key.pubkey())?;
            let roles = role_flags(&member.roles)?;
            let current: Option<budget::state::Member> =
                self.fetch(&budget::pda::member(&agency, &key.pubkey()))?;
            let label = format!(
                "agency {} member {} ({})",
                plan.code,
                member.name,
                member.roles.join(", ")
            );
            if current.is_some_and(|m| m.roles == roles) {
                self.unchanged(label);
            } else {
                self.run(
                    label,
                    &[bix::member_roles_set(
                        payer,
                        agency,
                        admin.pubkey(),
                        key.pubkey(),
                        roles,
                    )],
                    &[&admin],
                )?;
            }
        }
        if let Some(policy) = &plan.policy {
            let label = format!("agency {} approval policy", plan.code);
            if self.exists(&disbursement::pda::policy(&agency))? {
                self.unchanged(label);
            } else {
                let args = policy_args(policy, disbursement::constants::POLICY_DECIMALS)?;
                self.run(
                    label,
                    &[dix::policy_set(payer, agency, admin.pubkey(), args)],
                    &[&admin],
                )?;
            }
        }
        for account in &plan.budget_accounts {
            self.apply_budget_account(account, agency, central, mint, token_program, decimals)?;
        }
        Ok(())
    }

    fn apply_budget_account(
        &mut self,
        plan: &BudgetAccountPlan,
        agency: Pubkey,
        central: &Keypair,
        mint: &Pubkey,
        token_program: Pubkey,
        decimals: u8,
    ) -> Result<()> {
        let payer = self.client.payer.pubkey();
        let officer = self.keys.get(&plan.officer)?;
        let vault = self
            .keys
            .get(&format!("vault-{}", plan.tas.replace('/', "_")))?;
        let account = BudgetAccountRef {
            agency,
            tas: padded(&plan.tas)?,
            mint: *mint,
            token_program,
            vault: vault.pubkey(),
        };
        let label = format!("budget account {}", plan.tas);
        let authorized = parse_amount(&plan.authorized, decimals)?;
        if self.exists(&account.address())? {
            self.unchanged(label);
        } else {
            let ix = bix::budget_account_open(
                payer,
                officer.pubkey(),
                &account,
                plan.first_fiscal_year,
                plan.last_fiscal_year,
            );
            self.run(label, &[ix], &[&officer, &vault])?;
        }
        // Budget authority comes from the central authority, never from the officer who opened it.
        let state: budget::state::BudgetAccount = self
            .fetch(&account.address())?
            .context("budget account missing")?;
        let label = format!("budget account {} authorized {}", plan.tas, plan.authorized);
        if state.authorized == authorized {
            self.unchanged(label);
        } else {
            let ix = bix::budget_account_authorized_set(&account, central.pubkey(), authorized);
            self.run(label, &[ix], &[central])?;
        }
        let funded_target = parse_amount(&plan.funded, decimals)?;
        let state: budget::state::BudgetAccount = self
            .fetch(&account.address())?
            .context("budget account missing")?;
        let label = format!("budget account {} funded with {}", plan.tas, plan.funded);
        if state.funded >= funded_target {
            self.unchanged(label);
        } else {
            let missing = funded_target - state.funded;
            let source = spl_associated_token_account_interface::address::get_associated_token_address_with_program_id(&central.pubkey(), mint, &token_program);
            let ixs = [
                spl_associated_token_account_interface::instruction::create_associated_token_account_idempotent(&payer, &central.pubkey(), mint, &token_program),
                spl_token_2022_interface::instruction::mint_to(&token_program, mint, &source, &central.pubkey(), &[], missing)?,
                bix::budget_account_fund(&account, central.pubkey(), source, missing, state.funded),
            ];
            self.run(label, &ixs, &[central])?;
        }
        for obligation in &plan.obligations {
            let award_id = padded(&obligation.award_id)?;
            let label = format!("obligation {} to {}", obligation.award_id, obligation.payee);
            if self.exists(&account.obligation(&award_id))? {
                self.unchanged(label);
                continue;
            }
            let payee = self.keys.get(&obligation.payee)?;
            // A local payee signs too (a recovery, a deposit): it gets SOL for fees like the officers.
            self.fund(&payee.pubkey())?;
            let args = budget::ObligationCreateArgs {
                award_id,
                payee: payee.pubkey(),
                payee_id: padded(&obligation.payee_id)?,
                object_class: obligation.object_class,
                amount: parse_amount(&obligation.amount, decimals)?,
            };
            let payee_tokens = spl_associated_token_account_interface::instruction::create_associated_token_account_idempotent(&payer, &payee.pubkey(), mint, &token_program);
            self.run(
                label,
                &[
                    bix::obligation_create(payer, officer.pubkey(), &account, args),
                    payee_tokens,
                ],
                &[&officer],
            )?;
        }
        Ok(())
    }

    fn apply_registry(&mut self, plan: &RegistryPlan, central: &Keypair) -> Result<()> {
        let payer = self.client.payer.pubkey();
        let registrar = self.keys.get(&plan.registrar)?;
        self.fund(&registrar.pubkey())?;
        let jurisdiction = padded(&plan.jurisdiction)?;
        let registry = titles::pda::registry(&jurisdiction);
        let label = format!("registry {}", plan.jurisdiction);
        if self.exists(&registry)? {
            self.unchanged(label);
        } else {
            let args = titles::RegistryInitArgs {
                jurisdiction,
                name: padded(&plan.name)?,
                registrar: registrar.pubkey(),
            };
            self.run(
                label,
                &[tix::registry_init(payer, central.pubkey(), args)],
                &[central],
            )?;
        }
        for holder in &plan.lien_holders {
            let key = self.keys.get(holder)?;
            // A lien holder pays for the liens it records.
            self.fund(&key.pubkey())?;
            let label = format!("registry {} lien holder {holder}", plan.jurisdiction);
            let current: Option<titles::state::LienHolder> =
                self.fetch(&titles::pda::lien_holder(&registry, &key.pubkey()))?;
            if current.is_some_and(|h| h.is_active()) {
                self.unchanged(label);
            } else {
                self.run(
                    label,
                    &[tix::lien_holder_set(
                        payer,
                        registry,
                        registrar.pubkey(),
                        key.pubkey(),
                        true,
                    )],
                    &[&registrar],
                )?;
            }
        }
        for code in &plan.agencies {
            let agency = budget::pda::agency(&padded(code)?);
            let label = format!("registry {} agency {code}", plan.jurisdiction);
            let current: Option<titles::state::RegistryAgency> =
                self.fetch(&titles::pda::registry_agency(&registry, &agency))?;
            if current.is_some_and(|a| a.authorizes(&registry, &agency)) {
                self.unchanged(label);
            } else {
                self.run(
                    label,
                    &[tix::registry_agency_set(
                        payer,
                        registry,
                        registrar.pubkey(),
                        agency,
                        true,
                    )],
                    &[&registrar],
                )?;
            }
        }
        Ok(())
    }
}

/// Policy arguments from a plan, amounts in tokens.
pub fn policy_args(plan: &PolicyPlan, decimals: u8) -> Result<disbursement::PolicySetArgs> {
    let tiers = plan
        .tiers
        .iter()
        .map(|t| {
            let max_amount = if t.max_amount == "max" {
                u64::MAX
            } else {
                parse_amount(&t.max_amount, decimals)?
            };
            Ok(disbursement::state::Tier {
                max_amount,
                approvals: t.approvals,
                time_lock_seconds: t.time_lock_hours * 3_600,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let period_seconds = match plan.period.as_str() {
        "day" => 86_400,
        "week" => 604_800,
        "month" => 2_592_000,
        other => bail!("policy period {other:?}: expected day, week or month"),
    };
    Ok(disbursement::PolicySetArgs {
        tiers,
        anyone_may_execute: plan.anyone_may_execute,
        period_seconds,
        period_limit: parse_amount(&plan.period_limit, decimals)?,
        max_request_age_seconds: plan.max_request_age_days.checked_mul(86_400).ok_or_else(
            || {
                anyhow::anyhow!(
                    "max_request_age_days {} is too long",
                    plan.max_request_age_days
                )
            },
        )?,
    })
}
