//! Exports in the shapes auditors already use: CSV in the spirit of the DATA Act files (A:
//! appropriation balances by TAS; B: obligations and outlays by object class; C: award-level rows) and
//! OCDS JSON (a release package: one release per obligation, with its award and the outlays as contract
//! transactions). Amounts are integers in the token's base units, the mint named beside them. Sums are
//! cast to BIGINT: PostgreSQL widens them to NUMERIC, which the Any driver does not carry.

use std::io::Write;

use anyhow::Result;
use serde_json::{json, Value};
use sqlx::Row;

use super::store::Store;

/// Which export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Export {
    /// File A: appropriation balances by TAS.
    Appropriations,
    /// File B: obligations and outlays by TAS and object class.
    ObjectClasses,
    /// File C: one row per award (obligation).
    Awards,
    /// OCDS release package (JSON).
    Ocds,
}

const APPROPRIATIONS: &str = "
SELECT b.tas, a.code, b.agency, b.address, b.mint, b.first_fiscal_year, b.last_fiscal_year, b.status,
       b.authorized, b.obligated, b.authorized - b.obligated,
       CAST(COALESCE((SELECT SUM(o.amount) FROM outlays o WHERE o.budget_account = b.address AND o.kind = 'outlay'), 0) AS BIGINT),
       b.recovered, b.disbursed, b.obligated - b.disbursed, b.funded, b.returned
FROM budget_accounts b LEFT JOIN agencies a ON a.address = b.agency
ORDER BY b.tas, b.address";

const OBJECT_CLASSES: &str = "
SELECT b.tas, a.code, o.object_class, COUNT(*), CAST(SUM(o.obligated) AS BIGINT), CAST(SUM(o.disbursed) AS BIGINT),
       CAST(SUM(o.obligated - o.disbursed) AS BIGINT)
FROM obligations o JOIN budget_accounts b ON b.address = o.budget_account LEFT JOIN agencies a ON a.address = o.agency
GROUP BY b.tas, a.code, o.object_class
ORDER BY b.tas, a.code, o.object_class";

const AWARDS: &str = "
SELECT o.award_id, o.payee_id, o.payee, a.code, b.tas, o.object_class, o.address, b.mint, o.obligated, o.disbursed,
       o.obligated - o.disbursed, o.status, o.block_time, o.signature
FROM obligations o JOIN budget_accounts b ON b.address = o.budget_account LEFT JOIN agencies a ON a.address = o.agency
ORDER BY o.award_id, o.address";

/// The CSV header of each CSV export (documented in the README).
pub fn header(export: Export) -> &'static [&'static str] {
    match export {
        Export::Appropriations => &[
            "tas",
            "agency_code",
            "agency",
            "budget_account",
            "mint",
            "first_fiscal_year",
            "last_fiscal_year",
            "status",
            "authorized",
            "obligated",
            "unobligated_balance",
            "gross_outlays",
            "recoveries",
            "net_outlays",
            "unpaid_obligations",
            "funded",
            "returned",
        ],
        Export::ObjectClasses => &[
            "tas",
            "agency_code",
            "object_class",
            "obligations",
            "obligated",
            "net_outlays",
            "unpaid_obligations",
        ],
        Export::Awards => &[
            "award_id",
            "payee_id",
            "payee",
            "agency_code",
            "tas",
            "object_class",
            "obligation",
            "mint",
            "obligated",
            "net_outlays",
            "unpaid_obligations",
            "status",
            "action_date",
            "signature",
        ],
        Export::Ocds => &[],
    }
}

fn cell(row: &sqlx::any::AnyRow, i: usize) -> String {
    if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
        return v.map_or(String::new(), |v| v.to_string());
    }
    row.try_get::<Option<String>, _>(i)
        .ok()
        .flatten()
        .unwrap_or_default()
}

fn iso_date(unix: Option<i64>) -> String {
    unix.and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map_or(String::new(), |t| {
            t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
        })
}

/// Writes an export.
pub async fn export(store: &Store, export: Export, out: impl Write) -> Result<()> {
    if export == Export::Ocds {
        return ocds(store, out).await;
    }
    let sql = match export {
        Export::Appropriations => APPROPRIATIONS,
        Export::ObjectClasses => OBJECT_CLASSES,
        _ => AWARDS,
    };
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(header(export))?;
    for row in sqlx::query(sql).fetch_all(store.pool()).await? {
        let mut cells: Vec<String> = (0..header(export).len()).map(|i| cell(&row, i)).collect();
        if export == Export::Awards {
            cells[12] = iso_date(row.try_get::<Option<i64>, _>(12)?);
        }
        csv.write_record(&cells)?;
    }
    csv.flush()?;
    Ok(())
}

async fn ocds(store: &Store, mut out: impl Write) -> Result<()> {
    let genesis = store.meta("genesis_hash").await?.unwrap_or_default();
    let awards = sqlx::query(AWARDS).fetch_all(store.pool()).await?;
    let mut releases = vec![];
    for award in &awards {
        let obligation = cell(award, 6);
        let mint = cell(award, 7);
        let outlays = sqlx::query(
            "SELECT signature, event_index, kind, amount, token_account, block_time FROM outlays WHERE obligation = $1 ORDER BY slot, signature, event_index",
        )
        .bind(&obligation)
        .fetch_all(store.pool())
        .await?;
        let transactions: Vec<Value> = outlays
            .iter()
            .map(|o| {
                let amount = o.get::<i64, _>(3);
                let signed = if o.get::<String, _>(2) == "recovery" {
                    -amount
                } else {
                    amount
                };
                json!({
                    "id": format!("{}:{}", o.get::<String, _>(0), o.get::<i64, _>(1)),
                    "date": iso_date(o.get(5)),
                    "value": { "amount": signed, "currency": mint },
                    "payee": { "id": o.get::<String, _>(4) },
                })
            })
            .collect();
        let award_id = cell(award, 0);
        let date = iso_date(award.try_get::<Option<i64>, _>(12)?);
        releases.push(json!({
            "ocid": format!("ocds-fisc-{obligation}"),
            "id": format!("{obligation}-{}", transactions.len()),
            "date": date,
            "tag": ["award", "implementation"],
            "initiationType": "tender",
            "buyer": { "id": cell(award, 3) },
            "awards": [{
                "id": award_id,
                "status": if cell(award, 11) == "open" { "active" } else { "cancelled" },
                "date": date,
                "value": { "amount": award.get::<i64, _>(8), "currency": mint },
                "suppliers": [{ "id": cell(award, 1), "name": cell(award, 2) }],
                "items": [{ "id": cell(award, 5), "classification": { "scheme": "US-OMB-ObjectClass", "id": cell(award, 5) } }],
            }],
            "contracts": [{
                "id": obligation,
                "awardID": award_id,
                "value": { "amount": award.get::<i64, _>(8), "currency": mint },
                "implementation": { "transactions": transactions },
            }],
        }));
    }
    let package = json!({
        "uri": format!("fisc:{genesis}"),
        "version": "1.1",
        "publisher": { "name": "fisc index", "uid": genesis },
        "publishedDate": chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "releases": releases,
    });
    serde_json::to_writer_pretty(&mut out, &package)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::iso_date;

    #[test]
    fn dates_are_iso_utc() {
        assert_eq!(iso_date(Some(0)), "1970-01-01T00:00:00Z");
        assert_eq!(iso_date(Some(1_772_323_200)), "2026-03-01T00:00:00Z");
        assert_eq!(iso_date(Some(951_782_400 + 3_723)), "2000-02-29T01:02:03Z");
        assert_eq!(iso_date(None), "");
    }
}
