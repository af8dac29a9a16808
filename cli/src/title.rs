//! `fisc registry|property|title|lien|building …`: the titles program's instructions and reads.
//! A property is named by its registry's jurisdiction and its parcel id.

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, Subcommand};
use fisc_client::amount::{format_amount, parse_amount};
use fisc_client::ix::titles as tix;
use fisc_client::text::{padded, unpadded};
use fisc_client::Pubkey;

use crate::ctx::{document_hash, pubkey, Ctx};

/// Decimals of the money amounts the titles program records (acquisition cost, price, lien, cost).
const MONEY_DECIMALS: u8 = 6;

/// Which property.
#[derive(Args, Clone)]
pub struct Parcel {
    /// The registry's jurisdiction, e.g. US-DC.
    #[arg(long)]
    jurisdiction: String,
    /// The parcel id, unique in the registry.
    #[arg(long)]
    parcel: String,
}

#[derive(Subcommand)]
pub enum RegistryCommand {
    /// Create a jurisdiction's registry (by the treasury authority).
    Init {
        #[arg(long)]
        jurisdiction: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        registrar: String,
    },
    /// Propose a new registrar (step one of two, by the registrar).
    ProposeRegistrar {
        #[arg(long)]
        jurisdiction: String,
        #[arg(long)]
        new: String,
    },
    /// Accept the registrar role (step two, by the proposed key).
    AcceptRegistrar {
        #[arg(long)]
        jurisdiction: String,
    },
    /// Authorise (or with --revoke, stop authorising) a lien holder (by the registrar).
    LienHolder {
        #[arg(long)]
        jurisdiction: String,
        #[arg(long)]
        holder: String,
        #[arg(long)]
        revoke: bool,
    },
    /// Authorise (or with --revoke, stop authorising) an agency whose property officers may register
    /// parcels in the registry (by the registrar).
    Agency {
        #[arg(long)]
        jurisdiction: String,
        /// The agency's code.
        #[arg(long)]
        agency: String,
        #[arg(long)]
        revoke: bool,
    },
    /// Show a registry.
    Show {
        #[arg(long)]
        jurisdiction: String,
    },
}

#[derive(Subcommand)]
pub enum PropertyCommand {
    /// Register a property held by an agency (registrar, or with --as-officer a property officer of it).
    Register {
        #[command(flatten)]
        parcel: Parcel,
        /// Holding agency code.
        #[arg(long)]
        agency: String,
        /// land, building or facility.
        #[arg(long)]
        kind: String,
        /// Latitude in degrees, e.g. 38.8865.
        #[arg(long, allow_hyphen_values = true)]
        latitude: f64,
        #[arg(long, allow_hyphen_values = true)]
        longitude: f64,
        /// The legal description: 64 hex digits of its SHA-256, or the file.
        #[arg(long)]
        legal_description: String,
        /// Area in square metres.
        #[arg(long)]
        area: u32,
        /// Acquisition cost, e.g. 18500000.
        #[arg(long)]
        cost: String,
        /// Acquisition date, YYYY-MM-DD.
        #[arg(long)]
        acquired: String,
        /// The deed: 64 hex digits of its SHA-256, or the file.
        #[arg(long)]
        deed: String,
        /// The signer is a property officer of the agency (not the registrar).
        #[arg(long)]
        as_officer: bool,
    },
    /// Record use, occupancy and condition (by a property officer of the holder).
    Update {
        #[command(flatten)]
        parcel: Parcel,
        #[arg(long)]
        use_code: u8,
        #[arg(long)]
        occupancy: u8,
        #[arg(long)]
        condition: u8,
    },
    /// Freeze for a dispute or court order (by the registrar).
    Freeze {
        #[command(flatten)]
        parcel: Parcel,
        #[arg(long)]
        document: Option<String>,
    },
    /// Lift a freeze (by the registrar).
    Unfreeze {
        #[command(flatten)]
        parcel: Parcel,
        #[arg(long)]
        document: Option<String>,
    },
    /// Record a sale or demolition; the title never moves again.
    Dispose {
        #[command(flatten)]
        parcel: Parcel,
        /// sale or demolition.
        #[arg(long)]
        kind: String,
        #[arg(long, default_value = "0")]
        price: String,
        #[arg(long, default_value = "11111111111111111111111111111111")]
        buyer: String,
        #[arg(long)]
        document: Option<String>,
    },
    /// Void a registration made in error (by the registrar): only a title never transferred, with no
    /// active lien and no pending offer. The title closes; the event keeps the reason.
    Void {
        #[command(flatten)]
        parcel: Parcel,
        /// Why, e.g. "parcel of another registry" (up to 64 bytes).
        #[arg(long)]
        reason: String,
    },
    /// Show a property.
    Show {
        #[command(flatten)]
        parcel: Parcel,
    },
    /// List properties (of one holding agency, or all).
    List {
        #[arg(long)]
        agency: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum TitleCommand {
    /// Offer a property to another agency (by a property officer of the holder).
    Offer {
        #[command(flatten)]
        parcel: Parcel,
        /// Receiving agency code.
        #[arg(long)]
        to: String,
    },
    /// Accept an offered property (by a property officer of the receiving agency).
    Accept {
        #[command(flatten)]
        parcel: Parcel,
    },
    /// Withdraw or decline an offer (by a property officer of either side).
    Cancel {
        #[command(flatten)]
        parcel: Parcel,
        /// Code of the agency the signer acts for (default: the holder).
        #[arg(long)]
        agency: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum LienCommand {
    /// Record a lien (by an authorised lien holder).
    Record {
        #[command(flatten)]
        parcel: Parcel,
        #[arg(long)]
        lien_id: String,
        #[arg(long)]
        amount: String,
        #[arg(long)]
        document: Option<String>,
    },
    /// Release a lien (by its holder).
    Release {
        #[command(flatten)]
        parcel: Parcel,
        #[arg(long)]
        lien_id: String,
    },
}

#[derive(Subcommand)]
pub enum BuildingCommand {
    /// Add a maintenance, inspection, occupancy or lease record (by a property officer of the holder).
    Record {
        #[command(flatten)]
        parcel: Parcel,
        /// maintenance, inspection, occupancy or lease.
        #[arg(long)]
        kind: String,
        /// YYYY-MM-DD.
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "0")]
        cost: String,
        #[arg(long)]
        document: Option<String>,
        /// The payment request that paid for it, if paid through fisc.
        #[arg(long, default_value = "11111111111111111111111111111111")]
        payment_request: String,
        /// The property's record sequence number this record takes (default: the next, as read now);
        /// a retry with the number the first attempt printed cannot add the record twice.
        #[arg(long)]
        sequence: Option<u16>,
    },
}

fn registry(jurisdiction: &str) -> Result<Pubkey> {
    Ok(titles::pda::registry(&padded(jurisdiction).with_context(
        || format!("jurisdiction {jurisdiction:?}"),
    )?))
}

fn property(ctx: &Ctx, parcel: &Parcel) -> Result<(Pubkey, Pubkey, titles::state::Property)> {
    let registry = registry(&parcel.jurisdiction)?;
    let address = titles::pda::property(
        &registry,
        &padded(&parcel.parcel).with_context(|| format!("parcel {:?}", parcel.parcel))?,
    );
    let p = ctx.require(&address, || {
        format!(
            "no property {} in registry {}",
            parcel.parcel, parcel.jurisdiction
        )
    })?;
    Ok((registry, address, p))
}

/// Unix time of a YYYY-MM-DD date (UTC midnight).
fn date(text: &str) -> Result<i64> {
    let d = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| anyhow!("date {text:?}: expected YYYY-MM-DD"))?;
    Ok(d.and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc()
        .timestamp())
}

fn micro_degrees(field: &str, degrees: f64, limit: f64) -> Result<i32> {
    if !(-limit..=limit).contains(&degrees) {
        bail!("--{field} {degrees} is outside ±{limit}");
    }
    Ok((degrees * 1_000_000.0).round() as i32)
}

fn kind(field: &str, text: &str, names: &[&str]) -> Result<u8> {
    names
        .iter()
        .position(|n| *n == text)
        .map(|i| i as u8)
        .ok_or_else(|| anyhow!("--{field} {text:?}: use {}", names.join(", ")))
}

const PROPERTY_KINDS: &[&str] = &["land", "building", "facility"];

fn property_fields(address: &Pubkey, p: &titles::state::Property) -> Vec<(&'static str, String)> {
    vec![
        ("parcel", unpadded(&p.parcel_id)),
        (
            "kind",
            PROPERTY_KINDS
                .get(usize::from(p.kind))
                .unwrap_or(&"?")
                .to_string(),
        ),
        ("holder", p.holder.to_string()),
        (
            "location",
            format!(
                "{:.6},{:.6}",
                f64::from(p.latitude) / 1e6,
                f64::from(p.longitude) / 1e6
            ),
        ),
        ("area_sq_m", p.area_sq_m.to_string()),
        (
            "acquisition_cost",
            format_amount(p.acquisition_cost, MONEY_DECIMALS),
        ),
        ("transfers", p.transfer_seq.to_string()),
        ("active_liens", p.active_liens.to_string()),
        ("building_records", p.building_records.to_string()),
        ("frozen", p.is_frozen().to_string()),
        ("disposed", p.is_disposed().to_string()),
        ("address", address.to_string()),
    ]
}

pub fn registry_command(ctx: &Ctx, command: RegistryCommand) -> Result<()> {
    match command {
        RegistryCommand::Init {
            jurisdiction,
            name,
            registrar,
        } => {
            let args = titles::RegistryInitArgs {
                jurisdiction: padded(&jurisdiction)?,
                name: padded(&name)?,
                registrar: pubkey("--registrar", &registrar)?,
            };
            ctx.submit(
                &format!("registry {jurisdiction} created"),
                vec![tix::registry_init(ctx.payer(), ctx.actor, args)],
            )
        }
        RegistryCommand::ProposeRegistrar { jurisdiction, new } => ctx.submit(
            &format!("registrar of {jurisdiction} proposed"),
            vec![tix::registry_registrar_propose(
                registry(&jurisdiction)?,
                ctx.actor,
                pubkey("--new", &new)?,
            )],
        ),
        RegistryCommand::AcceptRegistrar { jurisdiction } => ctx.submit(
            &format!("registrar of {jurisdiction} accepted"),
            vec![tix::registry_registrar_accept(
                registry(&jurisdiction)?,
                ctx.actor,
            )],
        ),
        RegistryCommand::LienHolder {
            jurisdiction,
            holder,
            revoke,
        } => ctx.submit(
            &format!(
                "lien holder {holder} {}",
                if revoke { "revoked" } else { "authorised" }
            ),
            vec![tix::lien_holder_set(
                ctx.payer(),
                registry(&jurisdiction)?,
                ctx.actor,
                pubkey("--holder", &holder)?,
                !revoke,
            )],
        ),
        RegistryCommand::Agency {
            jurisdiction,
            agency,
            revoke,
        } => ctx.submit(
            &format!(
                "agency {agency} {} to register in {jurisdiction}",
                if revoke {
                    "no longer authorised"
                } else {
                    "authorised"
                }
            ),
            vec![tix::registry_agency_set(
                ctx.payer(),
                registry(&jurisdiction)?,
                ctx.actor,
                ctx.agency(&agency)?,
                !revoke,
            )],
        ),
        RegistryCommand::Show { jurisdiction } => {
            let address = registry(&jurisdiction)?;
            let r: titles::state::Registry =
                ctx.require(&address, || format!("no registry {jurisdiction}"))?;
            ctx.print_one(vec![
                ("jurisdiction", unpadded(&r.jurisdiction)),
                ("name", unpadded(&r.name)),
                ("registrar", r.registrar.to_string()),
                ("properties", r.property_count.to_string()),
                ("address", address.to_string()),
            ]);
            Ok(())
        }
    }
}

pub fn property_command(ctx: &Ctx, command: PropertyCommand) -> Result<()> {
    match command {
        PropertyCommand::Register {
            parcel,
            agency,
            kind: k,
            latitude,
            longitude,
            legal_description,
            area,
            cost,
            acquired,
            deed,
            as_officer,
        } => {
            let args = titles::PropertyRegisterArgs {
                parcel_id: padded(&parcel.parcel)?,
                kind: kind("kind", &k, PROPERTY_KINDS)?,
                latitude: micro_degrees("latitude", latitude, 90.0)?,
                longitude: micro_degrees("longitude", longitude, 180.0)?,
                legal_description_hash: document_hash(Some(&legal_description))?,
                area_sq_m: area,
                acquisition_cost: parse_amount(&cost, MONEY_DECIMALS)?,
                acquisition_date: date(&acquired)?,
                deed_hash: document_hash(Some(&deed))?,
            };
            let ix = tix::property_register(
                ctx.payer(),
                registry(&parcel.jurisdiction)?,
                ctx.agency(&agency)?,
                ctx.actor,
                as_officer,
                args,
            );
            ctx.submit(
                &format!("property {} registered to agency {agency}", parcel.parcel),
                vec![ix],
            )
        }
        PropertyCommand::Void { parcel, reason } => {
            let (registry, address, _) = property(ctx, &parcel)?;
            let reason = padded(&reason).context("--reason")?;
            ctx.submit(
                &format!("registration of property {} voided", parcel.parcel),
                vec![tix::property_void(registry, ctx.actor, address, reason)],
            )
        }
        PropertyCommand::Update {
            parcel,
            use_code,
            occupancy,
            condition,
        } => {
            let (_, address, p) = property(ctx, &parcel)?;
            ctx.submit(
                &format!("property {} updated", parcel.parcel),
                vec![tix::property_update(
                    address, p.holder, ctx.actor, use_code, occupancy, condition,
                )],
            )
        }
        PropertyCommand::Freeze { parcel, document } => freeze(ctx, &parcel, true, document),
        PropertyCommand::Unfreeze { parcel, document } => freeze(ctx, &parcel, false, document),
        PropertyCommand::Dispose {
            parcel,
            kind: k,
            price,
            buyer,
            document,
        } => {
            let (_, address, p) = property(ctx, &parcel)?;
            let args = titles::PropertyDisposeArgs {
                disposal_kind: kind("kind", &k, &["sale", "demolition"])?,
                price: parse_amount(&price, MONEY_DECIMALS)?,
                buyer: pubkey("--buyer", &buyer)?,
                document_hash: document_hash(document.as_deref())?,
            };
            ctx.submit(
                &format!("property {} disposed ({k})", parcel.parcel),
                vec![tix::property_dispose(address, p.holder, ctx.actor, args)],
            )
        }
        PropertyCommand::Show { parcel } => {
            let (_, address, p) = property(ctx, &parcel)?;
            let mut fields = property_fields(&address, &p);
            fields.push(("explorer", ctx.client.explorer.address(&address)));
            ctx.print_one(fields);
            Ok(())
        }
        PropertyCommand::List { agency } => {
            let filter = agency.as_deref().map(|a| ctx.agency(a)).transpose()?;
            let mut properties: Vec<_> =
                fisc_client::accounts::list::<titles::state::Property>(&ctx.client, &titles::ID)?
                    .into_iter()
                    .filter(|(_, p)| filter.is_none_or(|f| p.holder == f))
                    .collect();
            properties.sort_by_key(|(_, p)| p.parcel_id);
            let header = [
                "parcel",
                "kind",
                "holder",
                "location",
                "area_sq_m",
                "acquisition_cost",
                "transfers",
                "active_liens",
                "frozen",
                "disposed",
                "address",
            ];
            let rows = properties
                .iter()
                .map(|(k, p)| property_fields(k, p).into_iter().map(|(_, v)| v).collect())
                .collect();
            ctx.print_list(&header, rows);
            Ok(())
        }
    }
}

fn freeze(ctx: &Ctx, parcel: &Parcel, frozen: bool, document: Option<String>) -> Result<()> {
    let (registry, address, _) = property(ctx, parcel)?;
    ctx.submit(
        &format!(
            "property {} {}",
            parcel.parcel,
            if frozen { "frozen" } else { "unfrozen" }
        ),
        vec![tix::property_freeze_set(
            address,
            registry,
            ctx.actor,
            frozen,
            document_hash(document.as_deref())?,
        )],
    )
}

pub fn title_command(ctx: &Ctx, command: TitleCommand) -> Result<()> {
    match command {
        TitleCommand::Offer { parcel, to } => {
            let (_, address, p) = property(ctx, &parcel)?;
            ctx.submit(
                &format!("property {} offered to agency {to}", parcel.parcel),
                vec![tix::title_transfer_offer(
                    address,
                    p.holder,
                    ctx.actor,
                    ctx.agency(&to)?,
                )],
            )
        }
        TitleCommand::Accept { parcel } => {
            let (_, address, _) = property(ctx, &parcel)?;
            let offer: titles::state::TransferOffer = ctx
                .require(&titles::pda::offer(&address), || {
                    format!("property {} has no pending offer", parcel.parcel)
                })?;
            ctx.submit(
                &format!("property {} accepted", parcel.parcel),
                vec![tix::title_transfer_accept(
                    address,
                    offer.to_agency,
                    ctx.actor,
                    offer.offered_by,
                )],
            )
        }
        TitleCommand::Cancel { parcel, agency } => {
            let (_, address, p) = property(ctx, &parcel)?;
            let side = match agency {
                Some(a) => ctx.agency(&a)?,
                None => p.holder,
            };
            let offer_payer = offer_payer(ctx, &address)?;
            ctx.submit(
                &format!("offer of property {} cancelled", parcel.parcel),
                vec![tix::title_transfer_cancel(
                    address,
                    side,
                    ctx.actor,
                    offer_payer,
                )],
            )
        }
    }
}

/// Who gets the offer's rent back when it closes: the officer who made it (`offered_by`).
fn offer_payer(ctx: &Ctx, property: &Pubkey) -> Result<Pubkey> {
    let offer: titles::state::TransferOffer = ctx.require(&titles::pda::offer(property), || {
        "the property has no pending offer".into()
    })?;
    Ok(offer.offered_by)
}

pub fn lien_command(ctx: &Ctx, command: LienCommand) -> Result<()> {
    match command {
        LienCommand::Record {
            parcel,
            lien_id,
            amount,
            document,
        } => {
            let (registry, address, _) = property(ctx, &parcel)?;
            let args = titles::LienRecordArgs {
                lien_id: padded(&lien_id)?,
                amount: parse_amount(&amount, MONEY_DECIMALS)?,
                document_hash: document_hash(document.as_deref())?,
            };
            ctx.submit(
                &format!("lien {lien_id} recorded on {}", parcel.parcel),
                vec![tix::lien_record(address, registry, ctx.actor, args)],
            )
        }
        LienCommand::Release { parcel, lien_id } => {
            let (_, address, _) = property(ctx, &parcel)?;
            ctx.submit(
                &format!("lien {lien_id} on {} released", parcel.parcel),
                vec![tix::lien_release(address, ctx.actor, &padded(&lien_id)?)],
            )
        }
    }
}

pub fn building_command(ctx: &Ctx, command: BuildingCommand) -> Result<()> {
    match command {
        BuildingCommand::Record {
            parcel,
            kind: k,
            date: d,
            cost,
            document,
            payment_request,
            sequence,
        } => {
            let (_, address, p) = property(ctx, &parcel)?;
            let sequence = sequence.unwrap_or(p.building_records);
            eprintln!(
                "note: record number {sequence} of the property (retry with --sequence {sequence})"
            );
            let args = titles::BuildingRecordArgs {
                // Compare and set: a second landing of the same record is refused.
                sequence,
                record_kind: kind(
                    "kind",
                    &k,
                    &["maintenance", "inspection", "occupancy", "lease"],
                )?,
                date: date(&d)?,
                cost: parse_amount(&cost, MONEY_DECIMALS)?,
                document_hash: document_hash(document.as_deref())?,
                payment_request: pubkey("--payment-request", &payment_request)?,
            };
            ctx.submit(
                &format!("{k} record added to {}", parcel.parcel),
                vec![tix::building_record_add(address, p.holder, ctx.actor, args)],
            )
        }
    }
}
