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
    // 10^decimals overflows u128 past 38 decimals; any amount that needs them overflows u64 anyway.
    let too_large = || AmountError::TooLarge(text.to_string());
    let scale = 10u128
        .checked_pow(u32::from(decimals))
        .ok_or_else(too_large)?;
    let whole: u128 = whole.parse().map_err(|_| too_large())?;
    let fraction: u128 = if fraction.is_empty() {
        0
    } else {
        fraction
            .parse::<u128>()
            .map_err(|_| AmountError::NotANumber(text.to_string()))?
            .checked_mul(10u128.pow(u32::from(decimals) - fraction.len() as u32))
            .ok_or_else(too_large)?
    };
    let total = whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(fraction))
        .ok_or_else(too_large)?;
    u64::try_from(total).map_err(|_| too_large())
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
/// Any number of decimals: a mint's are a `u8`, and 10^20 no longer fits a `u64`.
pub fn format_amount(units: u64, decimals: u8) -> String {
    let digits = format!("{units:0>width$}", width = usize::from(decimals) + 1);
    let (whole, fraction) = digits.split_at(digits.len() - usize::from(decimals));
    if fraction.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{fraction}")
    }
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
    fn any_number_of_decimals_a_mint_can_have() {
        assert_eq!(format_amount(5, 30), format!("0.{}5", "0".repeat(29)));
        assert_eq!(format_amount(u64::MAX, 0), u64::MAX.to_string());
        assert_eq!(format_amount(u64::MAX, 19), "1.8446744073709551615");
        assert_eq!(format_amount(1, 255).len(), 257);
        assert_eq!(parse_amount(&format!("0.{}1", "0".repeat(29)), 30), Ok(1));
        assert!(matches!(
            parse_amount("1", 30),
            Err(AmountError::TooLarge(_))
        ));
        assert!(matches!(
            parse_amount("1", 255),
            Err(AmountError::TooLarge(_))
        ));
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
