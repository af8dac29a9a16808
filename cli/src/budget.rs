//! `fisc treasury|agency|member|budget|obligation …`: the budget program's instructions and reads.
//! (Its `outlay_execute` is signed only by the disbursement program: `fisc payment execute` makes it.)

use anyhow::{bail, Result};
use budget::state::Role;
use clap::Subcommand;
use fisc_client::amount::{check_syntax, format_amount};
use fisc_client::ix::budget::{self as bix, BudgetAccountRef};
use fisc_client::text::{padded, unpadded};
use fisc_client::{Instruction, Pubkey};
use solana_keypair::Keypair;
use solana_signer::Signer;

use crate::ctx::{pubkey, Ctx};

#[derive(Subcommand)]
pub enum TreasuryCommand {
    /// Create the treasury (once, by the budget program's upgrade authority).
    Init {
        /// The treasury authority (registers agencies, adds mints, pauses).
        #[arg(long)]
        authority: String,
        /// Month the fiscal year starts (10 = October, the US federal year).
        #[arg(long, default_value_t = 10)]
        fiscal_year_start_month: u8,
        /// Years an expired appropriation stays open for adjustments before it is cancelled.
        #[arg(long, default_value_t = 5)]
        cancellation_years: u8,
    },
    /// Propose a new treasury authority (step one of two).
    ProposeAuthority {
        #[arg(long)]
        new: String,
    },
    /// Accept the treasury authority (step two, by the proposed key).
    AcceptAuthority,
    /// Allow a payment mint (SPL Token or Token-2022 without extensions).
    AddMint {
        #[arg(long)]
        mint: String,
    },
    /// Stop every outlay.
    Pause,
    /// Allow outlays again.
    Unpause,
    /// Show the treasury.
    Show,
}

#[derive(Subcommand)]
pub enum AgencyCommand {
    /// Register an agency (by the treasury authority).
    Register {
        /// Agency code, e.g. 075.
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        admin: String,
    },
    /// Propose a new agency admin (step one of two, by the admin).
    ProposeAdmin {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        new: String,
    },
    /// Accept the agency admin role (step two, by the proposed key).
    AcceptAdmin {
        #[arg(long)]
        agency: String,
    },
    /// Deactivate an agency (by the treasury authority).
    Deactivate {
        #[arg(long)]
        agency: String,
    },
    /// Reactivate a deactivated agency (by the treasury authority).
    Reactivate {
        #[arg(long)]
        agency: String,
    },
    /// Show an agency.
    Show {
        #[arg(long)]
        agency: String,
    },
    /// List the agencies.
    List,
}

#[derive(Subcommand)]
pub enum MemberCommand {
    /// Set a member's roles (by the agency admin); an empty list removes every role.
    Set {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        member: String,
        /// Comma-separated: budget-officer, requester, approver, disbursing-officer, property-officer.
        #[arg(long, value_delimiter = ',', num_args = 0..)]
        roles: Vec<String>,
    },
    /// List an agency's members and roles.
    List {
        #[arg(long)]
        agency: String,
    },
    /// Void every approval a former approver holds on the agency's open requests and batches (by
    /// anyone; `member set` does it with the revocation, this finishes what did not fit).
    VoidApprovals {
        #[arg(long)]
        agency: String,
        /// The former approver's key.
        #[arg(long)]
        member: String,
    },
}

/// Voids that go in the revoking transaction itself, so that revocation and voiding land together;
/// more follow in transactions of their own.
const VOIDS_WITH_REVOCATION: usize = 8;

/// Voids per transaction after the first.
const VOIDS_PER_TRANSACTION: usize = 10;

#[derive(Subcommand)]
pub enum BudgetCommand {
    /// Open a budget account (appropriation) with its vault, by a budget officer.
    Open {
        #[arg(long)]
        agency: String,
        /// Treasury Account Symbol, e.g. 075-2027/2028-0512-000.
        #[arg(long)]
        tas: String,
        #[arg(long)]
        mint: String,
        #[arg(long)]
        first_fiscal_year: u16,
        /// Last fiscal year of availability; 0 for no-year money.
        #[arg(long)]
        last_fiscal_year: u16,
    },
    /// Fund the vault from a token account of the signer.
    Fund {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// Source token account (default: the signer's associated token account).
        #[arg(long)]
        source: Option<String>,
        /// Deposit only if the funded total is still this amount (default: as read now). A retry of a
        /// deposit that may have landed, with the figure the first attempt printed, is refused on
        /// chain if it did.
        #[arg(long)]
        if_funded: Option<String>,
    },
    /// Change the budget authority (by a budget officer).
    SetAuthorized {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
    },
    /// Cancel an appropriation past its cancellation year, returning the vault to `destination`.
    Cancel {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        #[arg(long)]
        destination: String,
    },
    /// Close a cancelled, emptied budget account.
    Close {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
    },
    /// Show a budget account.
    Show {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
    },
    /// List budget accounts (of one agency, or all).
    List {
        #[arg(long)]
        agency: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum PayeeCommand {
    /// Create a payee's associated token account in a budget account's mint, the account fisc pays
    /// into (the signer pays its rent); nothing is sent when it exists.
    CreateAccount {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        /// The payee's wallet, as in its obligations.
        #[arg(long)]
        payee: String,
    },
}

#[derive(Subcommand)]
pub enum ObligationCommand {
    /// Obligate funds to an award (by a budget officer).
    Create {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        /// Award id, e.g. a contract number.
        #[arg(long)]
        award: String,
        /// The payee's wallet.
        #[arg(long)]
        payee: String,
        /// The payee's registered id (e.g. a UEI).
        #[arg(long)]
        payee_id: String,
        /// OMB object class, e.g. 25 (contractual services).
        #[arg(long)]
        object_class: u16,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
    },
    /// Obligate more to an award.
    Increase {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        #[arg(long)]
        award: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// Adjust only if the obligation's amount is still this (default: as read now); for a retry
        /// that must not adjust twice.
        #[arg(long)]
        if_obligated: Option<String>,
    },
    /// De-obligate from an award.
    Decrease {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        #[arg(long)]
        award: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// Adjust only if the obligation's amount is still this (default: as read now); for a retry
        /// that must not adjust twice.
        #[arg(long)]
        if_obligated: Option<String>,
    },
    /// Close a liquidated obligation.
    Close {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        #[arg(long)]
        award: String,
    },
    /// Record a recovery (a refund of an outlay) from a token account of the signer.
    Recover {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        #[arg(long)]
        award: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        source: Option<String>,
        /// Record only if the obligation's disbursed amount is still this (default: as read now);
        /// for a retry that must not record twice.
        #[arg(long)]
        if_disbursed: Option<String>,
    },
    /// Show an obligation.
    Show {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
        #[arg(long)]
        award: String,
    },
    /// List the obligations of a budget account.
    List {
        #[arg(long)]
        agency: String,
        #[arg(long)]
        tas: String,
    },
}

fn roles_of(names: &[String]) -> Result<u8> {
    let mut roles = 0;
    for name in names.iter().filter(|n| !n.is_empty()) {
        roles |= match name.as_str() {
            "budget-officer" => Role::BUDGET_OFFICER,
            "requester" => Role::REQUESTER,
            "approver" => Role::APPROVER,
            "disbursing-officer" => Role::DISBURSING_OFFICER,
            "property-officer" => Role::PROPERTY_OFFICER,
            other => bail!(
                "unknown role {other:?}: use budget-officer, requester, approver, disbursing-officer, property-officer"
            ),
        };
    }
    Ok(roles)
}

pub fn role_names(roles: u8) -> String {
    let names = [
        (Role::BUDGET_OFFICER, "budget-officer"),
        (Role::REQUESTER, "requester"),
        (Role::APPROVER, "approver"),
        (Role::DISBURSING_OFFICER, "disbursing-officer"),
        (Role::PROPERTY_OFFICER, "property-officer"),
    ];
    names
        .iter()
        .filter(|(bit, _)| roles & bit != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(",")
}

fn years(a: &budget::state::BudgetAccount) -> String {
    match a.last_fiscal_year {
        0 => format!("FY{}-no-year", a.first_fiscal_year),
        last => format!("FY{}-{last}", a.first_fiscal_year),
    }
}

/// The signer's associated token account for `mint`.
pub fn ata(owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
    spl_associated_token_account_interface::address::get_associated_token_address_with_program_id(
        owner,
        mint,
        token_program,
    )
}

/// Why `payee` cannot be paid from `account`, when its associated token account in the budget
/// account's mint does not exist (the account every fisc command pays into), with the command that
/// creates it; `None` when it exists. Read at the newest state, as the proposal will meet it.
pub fn payee_without_account(
    ctx: &Ctx,
    payee: &Pubkey,
    account: &bix::BudgetAccountRef,
    agency: &str,
) -> Result<Option<String>> {
    let address = ata(payee, &account.mint, &account.token_program);
    let exists = ctx
        .client
        .latest_account(&address)?
        .is_some_and(|a| a.owner == account.token_program);
    Ok((!exists).then(|| {
        format!(
            "payee {payee} has no token account in mint {mint} (its associated token account {address} \
             does not exist), so it cannot be paid; `fisc payee create-account --agency {agency} --tas {tas} \
             --payee {payee}` creates it",
            mint = account.mint,
            tas = unpadded(&account.tas),
        )
    }))
}

/// `--source`, or the acting officer's associated token account for the budget account's mint.
fn source_or_own(
    ctx: &Ctx,
    source: Option<&str>,
    account: &bix::BudgetAccountRef,
) -> Result<Pubkey> {
    match source {
        Some(s) => pubkey("--source", s),
        None => Ok(ata(&ctx.actor, &account.mint, &account.token_program)),
    }
}

pub fn treasury(ctx: &Ctx, command: TreasuryCommand) -> Result<()> {
    match command {
        TreasuryCommand::Init {
            authority,
            fiscal_year_start_month,
            cancellation_years,
        } => {
            let args = budget::TreasuryInitArgs {
                authority: pubkey("--authority", &authority)?,
                disbursement_authority: disbursement::pda::authority(),
                fiscal_year_start_month,
                cancellation_years,
            };
            ctx.submit(
                "treasury initialised",
                vec![bix::treasury_init(ctx.payer(), ctx.actor, args)],
            )
        }
        TreasuryCommand::ProposeAuthority { new } => ctx.submit(
            "treasury authority proposed",
            vec![bix::treasury_authority_propose(
                ctx.actor,
                pubkey("--new", &new)?,
            )],
        ),
        TreasuryCommand::AcceptAuthority => ctx.submit(
            "treasury authority accepted",
            vec![bix::treasury_authority_accept(ctx.actor)],
        ),
        TreasuryCommand::AddMint { mint } => {
            let mint = pubkey("--mint", &mint)?;
            let owner = ctx.client.with_retries(|rpc| rpc.get_account(&mint))?.owner;
            ctx.submit(
                "mint added",
                vec![bix::treasury_mint_add(ctx.actor, mint, owner)],
            )
        }
        TreasuryCommand::Pause => ctx.submit(
            "treasury paused",
            vec![bix::treasury_pause_set(ctx.actor, true)],
        ),
        TreasuryCommand::Unpause => ctx.submit(
            "treasury unpaused",
            vec![bix::treasury_pause_set(ctx.actor, false)],
        ),
        TreasuryCommand::Show => {
            let address = budget::pda::treasury();
            let t: budget::state::Treasury =
                ctx.require(&address, || "no treasury on this cluster".into())?;
            let mints: Vec<String> = t
                .mints
                .iter()
                .filter(|m| **m != Pubkey::default())
                .map(|m| m.to_string())
                .collect();
            ctx.print_one(vec![
                ("treasury", address.to_string()),
                ("authority", t.authority.to_string()),
                (
                    "disbursement_authority",
                    t.disbursement_authority.to_string(),
                ),
                (
                    "fiscal_year_start_month",
                    t.fiscal_year_start_month.to_string(),
                ),
                ("cancellation_years", t.cancellation_years.to_string()),
                ("paused", t.is_paused().to_string()),
                ("mints", mints.join(" ")),
            ]);
            Ok(())
        }
    }
}

pub fn agency(ctx: &Ctx, command: AgencyCommand) -> Result<()> {
    match command {
        AgencyCommand::Register { code, name, admin } => {
            let args = budget::AgencyRegisterArgs {
                code: padded(&code)?,
                name: padded(&name)?,
                admin: pubkey("--admin", &admin)?,
            };
            ctx.submit(
                &format!("agency {code} registered"),
                vec![bix::agency_register(ctx.payer(), ctx.actor, args)],
            )
        }
        AgencyCommand::ProposeAdmin { agency, new } => ctx.submit(
            &format!("admin of agency {agency} proposed"),
            vec![bix::agency_admin_propose(
                ctx.agency(&agency)?,
                ctx.actor,
                pubkey("--new", &new)?,
            )],
        ),
        AgencyCommand::AcceptAdmin { agency } => ctx.submit(
            &format!("admin of agency {agency} accepted"),
            vec![bix::agency_admin_accept(ctx.agency(&agency)?, ctx.actor)],
        ),
        AgencyCommand::Deactivate { agency } => ctx.submit(
            &format!("agency {agency} deactivated"),
            vec![bix::agency_deactivate(ctx.actor, ctx.agency(&agency)?)],
        ),
        AgencyCommand::Reactivate { agency } => ctx.submit(
            &format!("agency {agency} reactivated"),
            vec![bix::agency_reactivate(ctx.actor, ctx.agency(&agency)?)],
        ),
        AgencyCommand::Show { agency } => {
            let address = ctx.agency(&agency)?;
            let a: budget::state::Agency =
                ctx.require(&address, || format!("no agency {agency}"))?;
            ctx.print_one(vec![
                ("agency", unpadded(&a.code)),
                ("name", unpadded(&a.name)),
                ("address", address.to_string()),
                ("admin", a.admin.to_string()),
                ("active", a.is_active().to_string()),
                ("explorer", ctx.client.explorer.address(&address)),
            ]);
            Ok(())
        }
        AgencyCommand::List => {
            let mut agencies =
                fisc_client::accounts::list::<budget::state::Agency>(&ctx.client, &budget::ID)?;
            agencies.sort_by_key(|(_, a)| a.code);
            let rows = agencies
                .into_iter()
                .map(|(k, a)| {
                    vec![
                        unpadded(&a.code),
                        unpadded(&a.name),
                        a.admin.to_string(),
                        a.is_active().to_string(),
                        k.to_string(),
                    ]
                })
                .collect();
            ctx.print_list(&["code", "name", "admin", "active", "address"], rows);
            Ok(())
        }
    }
}

/// Send `voids` of `member`'s approvals in transactions of [`VOIDS_PER_TRANSACTION`].
fn send_voids(ctx: &Ctx, agency: &str, member: &str, voids: Vec<Instruction>) -> Result<()> {
    for chunk in voids.chunks(VOIDS_PER_TRANSACTION) {
        ctx.submit(
            &format!(
                "{} approvals of {member} in agency {agency} voided",
                chunk.len()
            ),
            chunk.to_vec(),
        )?;
    }
    Ok(())
}

pub fn member(ctx: &Ctx, command: MemberCommand) -> Result<()> {
    match command {
        MemberCommand::Set {
            agency,
            member,
            roles,
        } => {
            let roles = roles_of(&roles)?;
            let member_key = pubkey("--member", &member)?;
            let agency_key = ctx.agency(&agency)?;
            let mut ixs = vec![bix::member_roles_set(
                ctx.payer(),
                agency_key,
                ctx.actor,
                member_key,
                roles,
            )];
            // An approval counts at execution only while its approver holds the role: revoking it
            // voids the approvals they gave, in the same transaction as far as they fit.
            let mut voids = if roles & Role::APPROVER == 0 {
                fisc_client::accounts::approval_voids(
                    &ctx.client,
                    &agency_key,
                    &member_key,
                    &ctx.payer(),
                )?
            } else {
                Vec::new()
            };
            let later = voids.split_off(voids.len().min(VOIDS_WITH_REVOCATION));
            let voided = voids.len();
            ixs.extend(voids);
            let what = format!(
                "roles of {member} in agency {agency} set to [{}]{}",
                role_names(roles),
                match voided {
                    0 => String::new(),
                    n => format!(", {n} of their approvals voided"),
                }
            );
            ctx.submit(&what, ixs)?;
            if !later.is_empty() {
                if ctx.sign_later.is_some() {
                    eprintln!(
                        "note: {} more approvals of {member} remain: once this transaction lands, run `fisc member void-approvals --agency {agency} --member {member}`",
                        later.len()
                    );
                } else {
                    send_voids(ctx, &agency, &member, later)?;
                }
            }
            Ok(())
        }
        MemberCommand::VoidApprovals { agency, member } => {
            let member_key = pubkey("--member", &member)?;
            let agency_key = ctx.agency(&agency)?;
            let voids = fisc_client::accounts::approval_voids(
                &ctx.client,
                &agency_key,
                &member_key,
                &ctx.payer(),
            )?;
            if voids.is_empty() {
                ctx.print_one(vec![(
                    "action",
                    format!(
                        "no open request or batch of agency {agency} holds an approval of {member}"
                    ),
                )]);
                return Ok(());
            }
            send_voids(ctx, &agency, &member, voids)
        }
        MemberCommand::List { agency } => {
            let agency_key = ctx.agency(&agency)?;
            let members = fisc_client::accounts::members(&ctx.client, &agency_key)?;
            let rows = members
                .into_iter()
                .map(|(_, m)| vec![m.member.to_string(), role_names(m.roles)])
                .collect();
            ctx.print_list(&["member", "roles"], rows);
            Ok(())
        }
    }
}

fn budget_row(
    ctx: &Ctx,
    address: &Pubkey,
    a: &budget::state::BudgetAccount,
) -> Result<Vec<(&'static str, String)>> {
    let d = ctx.decimals(&a.mint)?;
    Ok(vec![
        ("tas", unpadded(&a.tas)),
        ("period", years(a)),
        ("authorized", format_amount(a.authorized, d)),
        ("obligated", format_amount(a.obligated, d)),
        ("disbursed", format_amount(a.disbursed, d)),
        ("funded", format_amount(a.funded, d)),
        ("returned", format_amount(a.returned, d)),
        ("open_obligations", a.open_obligations.to_string()),
        ("mint", a.mint.to_string()),
        ("vault", a.vault.to_string()),
        ("address", address.to_string()),
    ])
}

pub fn budget(ctx: &Ctx, command: BudgetCommand) -> Result<()> {
    match command {
        BudgetCommand::Open {
            agency,
            tas,
            mint,
            first_fiscal_year,
            last_fiscal_year,
        } => {
            let mint = pubkey("--mint", &mint)?;
            let token_program = ctx.client.with_retries(|rpc| rpc.get_account(&mint))?.owner;
            let vault = Keypair::new();
            let account = bix::BudgetAccountRef {
                agency: ctx.agency(&agency)?,
                tas: padded(&tas)?,
                mint,
                token_program,
                vault: vault.pubkey(),
            };
            ctx.submit_with(
                &format!("budget account {tas} opened"),
                vec![bix::budget_account_open(
                    ctx.payer(),
                    ctx.actor,
                    &account,
                    first_fiscal_year,
                    last_fiscal_year,
                )],
                &[&vault],
            )?;
            eprintln!(
                "note: the account has no budget authority yet: the central authority grants it with `fisc budget set-authorized --agency {agency} --tas {tas} --amount AMOUNT`"
            );
            Ok(())
        }
        BudgetCommand::Fund {
            agency,
            tas,
            amount,
            source,
            if_funded,
        } => {
            check_syntax(&amount)?;
            let (account, state) = ctx.budget_account(&agency, &tas)?;
            let source = source_or_own(ctx, source.as_deref(), &account)?;
            let amount = ctx.amount(&amount, &account.mint)?;
            let funded_before = match if_funded {
                Some(v) => ctx.amount(&v, &account.mint)?,
                None => state.funded,
            };
            eprintln!(
                "note: deposit built against a funded total of {} (retry with --if-funded {0})",
                format_amount(funded_before, ctx.decimals(&account.mint)?)
            );
            // Built against the funded total read now: a copy that lands twice is refused on chain.
            ctx.submit(
                &format!("budget account {tas} funded"),
                vec![bix::budget_account_fund(
                    &account,
                    ctx.actor,
                    source,
                    amount,
                    funded_before,
                )],
            )
        }
        BudgetCommand::SetAuthorized {
            agency,
            tas,
            amount,
        } => {
            check_syntax(&amount)?;
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let amount = ctx.amount(&amount, &account.mint)?;
            ctx.submit(
                &format!("budget authority of {tas} set"),
                vec![bix::budget_account_authorized_set(
                    &account, ctx.actor, amount,
                )],
            )
        }
        BudgetCommand::Cancel {
            agency,
            tas,
            destination,
        } => {
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let destination = pubkey("--destination", &destination)?;
            ctx.submit(
                &format!("budget account {tas} cancelled"),
                vec![bix::budget_account_cancel(&account, ctx.actor, destination)],
            )
        }
        BudgetCommand::Close { agency, tas } => {
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            ctx.submit(
                &format!("budget account {tas} closed"),
                vec![bix::budget_account_close(&account, ctx.actor)],
            )
        }
        BudgetCommand::Show { agency, tas } => {
            let (account, state) = ctx.budget_account(&agency, &tas)?;
            let mut fields = budget_row(ctx, &account.address(), &state)?;
            fields.push(("explorer", ctx.client.explorer.address(&account.address())));
            ctx.print_one(fields);
            Ok(())
        }
        BudgetCommand::List { agency } => {
            let filter = agency.as_deref().map(|a| ctx.agency(a)).transpose()?;
            let mut accounts: Vec<_> = fisc_client::accounts::list::<budget::state::BudgetAccount>(
                &ctx.client,
                &budget::ID,
            )?
            .into_iter()
            .filter(|(_, a)| filter.is_none_or(|f| a.agency == f))
            .collect();
            accounts.sort_by_key(|(_, a)| a.tas);
            let mut header = vec![];
            let mut rows = vec![];
            for (address, a) in &accounts {
                let fields = budget_row(ctx, address, a)?;
                header = fields.iter().map(|(k, _)| *k).collect();
                rows.push(fields.into_iter().map(|(_, v)| v).collect());
            }
            if header.is_empty() {
                header = vec!["tas"];
            }
            ctx.print_list(&header, rows);
            Ok(())
        }
    }
}

pub fn payee(ctx: &Ctx, command: PayeeCommand) -> Result<()> {
    match command {
        PayeeCommand::CreateAccount { agency, tas, payee } => {
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let payee = pubkey("--payee", &payee)?;
            let address = ata(&payee, &account.mint, &account.token_program);
            if payee_without_account(ctx, &payee, &account, &agency)?.is_none() {
                ctx.print_one(vec![
                    (
                        "action",
                        format!(
                            "token account {address} of payee {payee} already exists; nothing sent"
                        ),
                    ),
                    ("address", address.to_string()),
                ]);
                return Ok(());
            }
            ctx.submit(
                &format!(
                    "created token account {address} of payee {payee} in mint {}",
                    account.mint
                ),
                vec![
                    spl_associated_token_account_interface::instruction::create_associated_token_account_idempotent(
                        &ctx.payer(),
                        &payee,
                        &account.mint,
                        &account.token_program,
                    ),
                ],
            )
        }
    }
}

pub fn obligation(ctx: &Ctx, command: ObligationCommand) -> Result<()> {
    let increase = matches!(command, ObligationCommand::Increase { .. });
    match command {
        ObligationCommand::Create {
            agency,
            tas,
            award,
            payee,
            payee_id,
            object_class,
            amount,
        } => {
            check_syntax(&amount)?;
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let payee = pubkey("--payee", &payee)?;
            // The obligation is valid without it (the payee may open one later), but nothing can be
            // proposed on it until then.
            if let Some(why) = payee_without_account(ctx, &payee, &account, &agency)? {
                eprintln!("warning: {why}");
            }
            let args = budget::ObligationCreateArgs {
                award_id: padded(&award)?,
                payee,
                payee_id: padded(&payee_id)?,
                object_class,
                amount: ctx.amount(&amount, &account.mint)?,
            };
            ctx.submit(
                &format!("obligation {award} created"),
                vec![bix::obligation_create(
                    ctx.payer(),
                    ctx.actor,
                    &account,
                    args,
                )],
            )
        }
        ObligationCommand::Increase {
            agency,
            tas,
            award,
            amount,
            if_obligated,
        }
        | ObligationCommand::Decrease {
            agency,
            tas,
            award,
            amount,
            if_obligated,
        } => {
            check_syntax(&amount)?;
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let amount = ctx.amount(&amount, &account.mint)?;
            let award_id = padded(&award)?;
            let obligated = match if_obligated {
                Some(v) => ctx.amount(&v, &account.mint)?,
                None => obligation_state(ctx, &account, &award, &tas)?.obligated,
            };
            eprintln!(
                "note: adjustment built against an obligated amount of {} (retry with --if-obligated {0})",
                format_amount(obligated, ctx.decimals(&account.mint)?)
            );
            let (what, ix) = if increase {
                (
                    "increased",
                    bix::obligation_increase(ctx.actor, &account, &award_id, amount, obligated),
                )
            } else {
                (
                    "decreased",
                    bix::obligation_decrease(ctx.actor, &account, &award_id, amount, obligated),
                )
            };
            ctx.submit(&format!("obligation {award} {what}"), vec![ix])
        }
        ObligationCommand::Close { agency, tas, award } => {
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            ctx.submit(
                &format!("obligation {award} closed"),
                vec![bix::obligation_close(ctx.actor, &account, &padded(&award)?)],
            )
        }
        ObligationCommand::Recover {
            agency,
            tas,
            award,
            amount,
            source,
            if_disbursed,
        } => {
            check_syntax(&amount)?;
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let source = source_or_own(ctx, source.as_deref(), &account)?;
            let amount = ctx.amount(&amount, &account.mint)?;
            let obligation = obligation_state(ctx, &account, &award, &tas)?;
            let disbursed = match if_disbursed {
                Some(v) => ctx.amount(&v, &account.mint)?,
                None => obligation.disbursed,
            };
            // The payee returns its own money; anyone else must be a budget officer of the agency.
            let by = if obligation.payee == ctx.actor {
                bix::RecoveredBy::Payee
            } else {
                bix::RecoveredBy::BudgetOfficer
            };
            eprintln!(
                "note: recovery built against a disbursed amount of {} (retry with --if-disbursed {0})",
                format_amount(disbursed, ctx.decimals(&account.mint)?)
            );
            ctx.submit(
                &format!("recovery on {award} recorded"),
                vec![bix::recovery_record(
                    &account,
                    &padded(&award)?,
                    ctx.actor,
                    by,
                    source,
                    amount,
                    disbursed,
                )],
            )
        }
        ObligationCommand::Show { agency, tas, award } => {
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let address = account.obligation(&padded(&award)?);
            let o = obligation_state(ctx, &account, &award, &tas)?;
            let mut fields = obligation_row(&o, &address, ctx.decimals(&account.mint)?);
            fields.push(("explorer", ctx.client.explorer.address(&address)));
            ctx.print_one(fields);
            Ok(())
        }
        ObligationCommand::List { agency, tas } => {
            let (account, _) = ctx.budget_account(&agency, &tas)?;
            let d = ctx.decimals(&account.mint)?;
            let address = account.address();
            let obligations = fisc_client::accounts::obligations(&ctx.client, &address)?;
            let header = [
                "award",
                "payee_id",
                "object_class",
                "obligated",
                "disbursed",
                "payee",
                "address",
            ];
            let rows = obligations
                .iter()
                .map(|(k, o)| {
                    obligation_row(o, k, d)
                        .into_iter()
                        .map(|(_, v)| v)
                        .collect()
                })
                .collect();
            ctx.print_list(&header, rows);
            Ok(())
        }
    }
}

fn obligation_row(
    o: &budget::state::Obligation,
    address: &Pubkey,
    d: u8,
) -> Vec<(&'static str, String)> {
    vec![
        ("award", unpadded(&o.award_id)),
        ("payee_id", unpadded(&o.payee_id)),
        ("object_class", o.object_class.to_string()),
        ("obligated", format_amount(o.obligated, d)),
        ("disbursed", format_amount(o.disbursed, d)),
        ("payee", o.payee.to_string()),
        ("address", address.to_string()),
    ]
}

/// The obligation `award` of a budget account as the chain holds it now (adjustments and recoveries
/// are built against its amounts: compare and set).
fn obligation_state(
    ctx: &Ctx,
    account: &BudgetAccountRef,
    award: &str,
    tas: &str,
) -> Result<budget::state::Obligation> {
    ctx.require(&account.obligation(&padded(award)?), || {
        format!("no obligation {award} in {tas}")
    })
}
