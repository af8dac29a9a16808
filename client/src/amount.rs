//! Token amounts as people write them ("1,250.50") and as the chain counts them (base units).

use thiserror::Error;

/// Why an amount does not parse.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum AmountError {
    #[error("amount {0:?} is not a number (write it like 1250.50)")]
    NotANumber(String),
    #[error("amount {0:?} is negative")]
    Negative(String),
    #[error("amount {amount:?} has more than {decimals} decimals")]
    TooManyDecimals { amount: String, decimals: u8 },
    #[error("amount {0:?} is too large")]
    TooLarge(String),
}

/// Parse `text` ("1250.5", "1,250.50", "7") into base units of a mint with `decimals`.
pub fn parse_amount(text: &str, decimals: u8) -> Result<u64, AmountError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    if cleaned.starts_with('-') {
        return Err(AmountError::Negative(text.to_string()));
    }
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || (!fraction.is_empty() && !digits(fraction)) {
        return Err(AmountError::NotANumber(text.to_string()));
    }
    if fraction.len() > usize::from(decimals) {
        return Err(AmountError::TooManyDecimals {
            amount: text.to_string(),
            decimals,
        });
    }
    let scale = 10u128.pow(u32::from(decimals));
    let whole: u128 = whole
        .parse()
        .map_err(|_| AmountError::TooLarge(text.to_string()))?;
    let fraction: u128 = if fraction.is_empty() {
        0
    } else {
        fraction
            .parse::<u128>()
            .map_err(|_| AmountError::NotANumber(text.to_string()))?
            * 10u128.pow(u32::from(decimals) - fraction.len() as u32)
    };
    let total = whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(fraction))
        .ok_or_else(|| AmountError::TooLarge(text.to_string()))?;
    u64::try_from(total).map_err(|_| AmountError::TooLarge(text.to_string()))
}

/// Checks that `text` is a non-negative number at all, before anything asks the chain for the mint's
/// decimals (which decide how many decimals it may have).
pub fn check_syntax(text: &str) -> Result<(), AmountError> {
    match parse_amount(text, 18) {
        Err(e @ (AmountError::Negative(_) | AmountError::NotANumber(_))) => Err(e),
        _ => Ok(()),
    }
}

/// Format base units of a mint with `decimals` for people ("1250.500000").
pub fn format_amount(units: u64, decimals: u8) -> String {
    if decimals == 0 {
        return units.to_string();
    }
    let scale = 10u64.pow(u32::from(decimals));
    format!(
        "{}.{:0width$}",
        units / scale,
        units % scale,
        width = usize::from(decimals)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_write() {
        assert_eq!(parse_amount("1250.5", 6), Ok(1_250_500_000));
        assert_eq!(parse_amount("1,250.50", 2), Ok(125_050));
        assert_eq!(parse_amount("7", 0), Ok(7));
        assert_eq!(parse_amount("0.000001", 6), Ok(1));
        assert_eq!(format_amount(1_250_500_000, 6), "1250.500000");
    }

    #[test]
    fn refuses_what_the_chain_cannot_count() {
        assert!(matches!(
            parse_amount("1.2345678", 6),
            Err(AmountError::TooManyDecimals { .. })
        ));
        assert!(matches!(
            parse_amount("-5", 6),
            Err(AmountError::Negative(_))
        ));
        assert!(matches!(
            parse_amount("12a", 6),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount("", 6),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount("18446744073709551616", 0),
            Err(AmountError::TooLarge(_))
        ));
        assert!(matches!(
            parse_amount("18446744073710", 6),
            Err(AmountError::TooLarge(_))
        ));
    }
}
