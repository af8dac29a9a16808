//! Projections: the tables auditors query (budget accounts, obligations, outlays, payment requests with
//! their approvals, properties, transfers, liens, building records), built from the events alone. Sums
//! are accumulated from the events' amounts, never copied from the running totals the events also
//! carry, so that `fisc audit` comparing them with the accounts on chain is a real check.

use anyhow::Result;
use sqlx::{AnyConnection, Row};

use super::decode::DecodedEvent;
use super::store::{big, PROJECTIONS};

/// Where an event happened.
pub struct At<'a> {
    pub signature: &'a str,
    pub slot: u64,
    pub block_time: Option<i64>,
}

/// A bound SQL parameter.
pub enum P {
    I(i64),
    S(String),
    Null,
}
impl From<i64> for P {
    fn from(v: i64) -> P {
        P::I(v)
    }
}
impl From<&str> for P {
    fn from(v: &str) -> P {
        P::S(v.to_string())
    }
}
impl From<Option<i64>> for P {
    fn from(v: Option<i64>) -> P {
        v.map_or(P::Null, P::I)
    }
}

async fn exec(db: &mut AnyConnection, sql: &str, params: Vec<P>) -> Result<u64> {
    let mut q = sqlx::query(sql);
    for p in params {
        q = match p {
            P::I(v) => q.bind(v),
            P::S(v) => q.bind(v),
            P::Null => q.bind(None::<String>),
        };
    }
    Ok(q.execute(db).await?.rows_affected())
}

macro_rules! run {
    ($db:expr, $sql:expr $(, $p:expr)* $(,)?) => {
        exec($db, $sql, vec![$(P::from($p)),*]).await?
    };
}

/// Applies one event to the projections.
pub async fn apply(db: &mut AnyConnection, at: &At<'_>, e: &DecodedEvent) -> Result<()> {
    let sig = at.signature;
    let amount = |f: &str| -> Result<i64> { big(e.u64(f)?) };
    match e.name.as_str() {
        "AgencyRegistered" => {
            run!(db, "INSERT INTO agencies (address, code, name, admin, active, signature) VALUES ($1, $2, $3, $4, 1, $5)
                      ON CONFLICT (address) DO UPDATE SET code = excluded.code, name = excluded.name, admin = excluded.admin, active = 1, signature = excluded.signature",
                e.key("agency")?, e.key("code")?, e.key("name")?, e.key("admin")?, sig);
        }
        "AgencyAdminAccepted" => {
            run!(
                db,
                "UPDATE agencies SET admin = $1 WHERE address = $2",
                e.key("admin")?,
                e.key("agency")?
            );
        }
        "AgencyDeactivated" => {
            run!(
                db,
                "UPDATE agencies SET active = 0 WHERE address = $1",
                e.key("agency")?
            );
        }
        "AgencyReactivated" => {
            run!(
                db,
                "UPDATE agencies SET active = 1 WHERE address = $1",
                e.key("agency")?
            );
        }
        "MemberRolesChanged" => {
            run!(db, "INSERT INTO members (agency, member, roles, signature) VALUES ($1, $2, $3, $4)
                      ON CONFLICT (agency, member) DO UPDATE SET roles = excluded.roles, signature = excluded.signature",
                e.key("agency")?, e.key("member")?, e.i64("roles")?, sig);
        }
        "BudgetAccountOpened" => {
            run!(db, "INSERT INTO budget_accounts (address, agency, tas, mint, vault, first_fiscal_year, last_fiscal_year,
                          authorized, obligated, disbursed, recovered, funded, returned, status, signature)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, 0, 0, 0, 0, 'open', $8)
                      ON CONFLICT (address) DO UPDATE SET agency = excluded.agency, tas = excluded.tas, mint = excluded.mint,
                          vault = excluded.vault, first_fiscal_year = excluded.first_fiscal_year,
                          last_fiscal_year = excluded.last_fiscal_year, authorized = 0, obligated = 0,
                          disbursed = 0, recovered = 0, funded = 0, returned = 0, status = 'open', signature = excluded.signature",
                e.key("budget_account")?, e.key("agency")?, e.key("tas")?, e.key("mint")?, e.key("vault")?,
                e.i64("first_fiscal_year")?, e.i64("last_fiscal_year")?, sig);
        }
        "BudgetAccountAuthorityChanged" => {
            run!(
                db,
                "UPDATE budget_accounts SET authorized = $1 WHERE address = $2",
                amount("authorized")?,
                e.key("budget_account")?
            );
        }
        "BudgetAccountFunded" => {
            run!(
                db,
                "UPDATE budget_accounts SET funded = funded + $1 WHERE address = $2",
                amount("amount")?,
                e.key("budget_account")?
            );
        }
        "BudgetAccountCancelled" => {
            run!(db, "UPDATE budget_accounts SET returned = returned + $1, status = 'cancelled' WHERE address = $2",
                amount("amount")?, e.key("budget_account")?);
        }
        "BudgetAccountClosed" => {
            run!(
                db,
                "UPDATE budget_accounts SET status = 'closed' WHERE address = $1",
                e.key("budget_account")?
            );
        }
        "ObligationCreated" => {
            run!(db, "INSERT INTO obligations (address, agency, budget_account, award_id, payee, payee_id, object_class,
                          obligated, disbursed, status, signature, block_time)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, 'open', $9, $10)
                      ON CONFLICT (address) DO UPDATE SET agency = excluded.agency, budget_account = excluded.budget_account,
                          award_id = excluded.award_id, payee = excluded.payee, payee_id = excluded.payee_id,
                          object_class = excluded.object_class, obligated = excluded.obligated, disbursed = 0, status = 'open',
                          signature = excluded.signature, block_time = excluded.block_time",
                e.key("obligation")?, e.key("agency")?, e.key("budget_account")?, e.key("award_id")?, e.key("payee")?,
                e.key("payee_id")?, e.i64("object_class")?, amount("amount")?, sig, at.block_time);
            run!(
                db,
                "UPDATE budget_accounts SET obligated = obligated + $1 WHERE address = $2",
                amount("amount")?,
                e.key("budget_account")?
            );
        }
        "ObligationAdjusted" => {
            let delta = if e.bool("increase")? {
                amount("amount")?
            } else {
                -amount("amount")?
            };
            run!(
                db,
                "UPDATE obligations SET obligated = obligated + $1 WHERE address = $2",
                delta,
                e.key("obligation")?
            );
            run!(
                db,
                "UPDATE budget_accounts SET obligated = obligated + $1 WHERE address = $2",
                delta,
                e.key("budget_account")?
            );
        }
        "ObligationClosed" => {
            run!(
                db,
                "UPDATE obligations SET status = 'closed' WHERE address = $1",
                e.key("obligation")?
            );
        }
        "OutlayMade" | "RecoveryRecorded" => {
            let outlay = e.name == "OutlayMade";
            let (kind, delta, payee, token_account) = if outlay {
                (
                    "outlay",
                    amount("amount")?,
                    e.key("payee")?,
                    e.key("payee_token_account")?,
                )
            } else {
                (
                    "recovery",
                    -amount("amount")?,
                    e.key("payer")?,
                    e.key("source")?,
                )
            };
            run!(db, "INSERT INTO outlays (signature, event_index, kind, budget_account, obligation, payee, token_account, amount, slot, block_time)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                sig, e.event_index as i64, kind, e.key("budget_account")?, e.key("obligation")?, payee, token_account,
                amount("amount")?, big(at.slot)?, at.block_time);
            run!(
                db,
                "UPDATE obligations SET disbursed = disbursed + $1 WHERE address = $2",
                delta,
                e.key("obligation")?
            );
            run!(
                db,
                "UPDATE budget_accounts SET disbursed = disbursed + $1 WHERE address = $2",
                delta,
                e.key("budget_account")?
            );
            if !outlay {
                run!(
                    db,
                    "UPDATE budget_accounts SET recovered = recovered + $1 WHERE address = $2",
                    amount("amount")?,
                    e.key("budget_account")?
                );
            }
        }
        "PaymentProposed" | "BatchProposed" => {
            let single = e.name == "PaymentProposed";
            let (kind, total) = if single {
                ("payment", amount("amount")?)
            } else {
                ("batch", amount("total")?)
            };
            let obligation = if single {
                P::S(e.key("obligation")?.into())
            } else {
                P::Null
            };
            let payee = if single {
                P::S(e.key("payee_token_account")?.into())
            } else {
                P::Null
            };
            let address = if single {
                e.key("request")?
            } else {
                e.key("batch")?
            };
            exec(db, "INSERT INTO payment_requests (agency, sequence, address, kind, budget_account, obligation, payee_token_account,
                          amount, reference, document_hash, required_approvals, approvals, time_lock_seconds, status, requester,
                          executor, proposed_signature, ended_signature)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, 'proposed', $13, NULL, $14, NULL)",
                vec![P::from(e.key("agency")?), P::I(big(e.u64("sequence")?)?), P::from(address), P::from(kind),
                     P::from(e.key("budget_account")?), obligation, payee, P::I(total), P::from(e.key("reference")?),
                     P::from(e.key("document_hash")?), P::I(e.i64("required_approvals")?), P::I(e.i64("time_lock_seconds")?),
                     P::from(e.key("requester")?), P::from(sig)]).await?;
        }
        "PaymentApproved" => {
            let sequence = big(e.u64("sequence")?)?;
            run!(db, "INSERT INTO approvals (agency, sequence, approver, signature) VALUES ($1, $2, $3, $4)",
                e.key("agency")?, sequence, e.key("approver")?, sig);
            run!(db, "UPDATE payment_requests SET approvals = $1, required_approvals = $2 WHERE agency = $3 AND sequence = $4",
                e.i64("approval_count")?, e.i64("required_approvals")?, e.key("agency")?, sequence);
        }
        "ApprovalVoided" => {
            // The approver lost the role: the approval no longer counts (its event stays in `events`).
            let sequence = big(e.u64("sequence")?)?;
            run!(
                db,
                "DELETE FROM approvals WHERE agency = $1 AND sequence = $2 AND approver = $3",
                e.key("agency")?,
                sequence,
                e.key("approver")?
            );
            run!(
                db,
                "UPDATE payment_requests SET approvals = $1 WHERE agency = $2 AND sequence = $3",
                e.i64("approval_count")?,
                e.key("agency")?,
                sequence
            );
        }
        "PaymentRejected" | "PaymentCancelled" => {
            let status = if e.name == "PaymentRejected" {
                "rejected"
            } else {
                "cancelled"
            };
            run!(db, "UPDATE payment_requests SET status = $1, ended_signature = $2 WHERE agency = $3 AND sequence = $4 AND status = 'proposed'",
                status, sig, e.key("agency")?, big(e.u64("sequence")?)?);
        }
        "PaymentExecuted" => {
            run!(db, "UPDATE payment_requests SET status = 'executed', executor = $1, ended_signature = $2 WHERE agency = $3 AND sequence = $4",
                e.key("executor")?, sig, e.key("agency")?, big(e.u64("sequence")?)?);
        }
        "BatchItemPaid" => {
            run!(db, "INSERT INTO batch_items (agency, sequence, item, obligation, payee_token_account, amount, executor, signature)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                e.key("agency")?, big(e.u64("sequence")?)?, e.i64("index")?, e.key("obligation")?,
                e.key("payee_token_account")?, amount("amount")?, e.key("executor")?, sig);
        }
        "BatchCompleted" => {
            run!(db, "UPDATE payment_requests SET status = 'executed', ended_signature = $1 WHERE agency = $2 AND sequence = $3",
                sig, e.key("agency")?, big(e.u64("sequence")?)?);
        }
        "PropertyRegistered" => {
            run!(db, "INSERT INTO properties (address, registry, parcel_id, kind, holder, area_sq_m, acquisition_cost, acquisition_date,
                          use_code, occupancy, condition, transfer_seq, active_liens, frozen, disposed, offered_to, signature)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, 0, 0, 0, 0, 0, 0, NULL, $9)",
                e.key("property")?, e.key("registry")?, e.key("parcel_id")?, e.i64("kind")?, e.key("holder")?,
                e.i64("area_sq_m")?, amount("acquisition_cost")?, e.i64("acquisition_date")?, sig);
        }
        "PropertyVoided" => {
            // A registration made in error: the title account is closed (the event keeps the reason).
            run!(
                db,
                "DELETE FROM properties WHERE address = $1",
                e.key("property")?
            );
        }
        "PropertyUpdated" => {
            run!(db, "UPDATE properties SET use_code = $1, occupancy = $2, condition = $3 WHERE address = $4",
                e.i64("use_code")?, e.i64("occupancy")?, e.i64("condition")?, e.key("property")?);
        }
        "TransferOffered" => {
            run!(
                db,
                "UPDATE properties SET offered_to = $1 WHERE address = $2",
                e.key("to_agency")?,
                e.key("property")?
            );
        }
        "TransferCancelled" => {
            run!(
                db,
                "UPDATE properties SET offered_to = NULL WHERE address = $1",
                e.key("property")?
            );
        }
        "TransferAccepted" => {
            run!(db, "INSERT INTO transfers (property, transfer_seq, previous_holder, holder, accepted_by, signature)
                      VALUES ($1, $2, $3, $4, $5, $6)",
                e.key("property")?, e.i64("transfer_seq")?, e.key("previous_holder")?, e.key("holder")?, e.key("accepted_by")?, sig);
            run!(db, "UPDATE properties SET holder = $1, transfer_seq = $2, offered_to = NULL WHERE address = $3",
                e.key("holder")?, e.i64("transfer_seq")?, e.key("property")?);
        }
        "LienRecorded" => {
            run!(db, "INSERT INTO liens (address, property, holder, lien_id, amount, active, signature) VALUES ($1, $2, $3, $4, $5, 1, $6)
                      ON CONFLICT (address) DO UPDATE SET property = excluded.property, holder = excluded.holder,
                          lien_id = excluded.lien_id, amount = excluded.amount, active = 1, signature = excluded.signature",
                e.key("lien")?, e.key("property")?, e.key("holder")?, e.key("lien_id")?, amount("amount")?, sig);
            run!(
                db,
                "UPDATE properties SET active_liens = active_liens + 1 WHERE address = $1",
                e.key("property")?
            );
        }
        "LienReleased" => {
            run!(
                db,
                "UPDATE liens SET active = 0 WHERE address = $1",
                e.key("lien")?
            );
            run!(
                db,
                "UPDATE properties SET active_liens = active_liens - 1 WHERE address = $1",
                e.key("property")?
            );
        }
        "PropertyFreezeSet" => {
            run!(
                db,
                "UPDATE properties SET frozen = $1 WHERE address = $2",
                e.bool("frozen")? as i64,
                e.key("property")?
            );
        }
        "PropertyDisposed" => {
            run!(
                db,
                "UPDATE properties SET disposed = 1 WHERE address = $1",
                e.key("property")?
            );
        }
        "BuildingRecorded" => {
            run!(db, "INSERT INTO building_records (signature, event_index, property, record_kind, date, cost, document_hash, payment_request, officer)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                sig, e.event_index as i64, e.key("property")?, e.i64("record_kind")?, e.i64("date")?, amount("cost")?,
                e.key("document_hash")?, e.key("payment_request")?, e.key("officer")?);
        }
        // Events kept in `events` only: treasury and registry administration, policies, lien holders.
        _ => {}
    }
    Ok(())
}

/// Rebuilds every projection from the stored events, in chain order.
pub async fn rebuild(db: &mut AnyConnection) -> Result<()> {
    for table in PROJECTIONS {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&mut *db)
            .await?;
    }
    let rows = sqlx::query(
        "SELECT e.signature, t.slot, t.block_time, e.event_index, e.ix_index, e.program, e.name, e.data
         FROM events e JOIN transactions t ON t.signature = e.signature ORDER BY t.seq, e.event_index",
    )
    .fetch_all(&mut *db)
    .await?;
    let decoder = super::decode::Decoder::new();
    for row in rows {
        let signature: String = row.get(0);
        let program: String = row.get(5);
        let event = DecodedEvent {
            ix_index: row.get::<i64, _>(4) as u32,
            event_index: row.get::<i64, _>(3) as u32,
            program: decoder.program_name(&program),
            name: row.get(6),
            data: serde_json::from_str(&row.get::<String, _>(7))?,
        };
        let at = At {
            signature: &signature,
            slot: row.get::<i64, _>(1) as u64,
            block_time: row.get(2),
        };
        apply(db, &at, &event).await?;
    }
    Ok(())
}
