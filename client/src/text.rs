//! Fixed-size, zero-padded text fields as the programs store them.

use anyhow::{bail, Result};

/// `text` left-aligned in a zero-padded field of `N` bytes.
pub fn padded<const N: usize>(text: &str) -> Result<[u8; N]> {
    if text.is_empty() || text.len() > N {
        bail!("{text:?} must be 1 to {N} bytes");
    }
    let mut out = [0u8; N];
    out[..text.len()].copy_from_slice(text.as_bytes());
    Ok(out)
}

/// The text of a zero-padded field.
pub fn unpadded(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .trim_end_matches('\0')
        .to_string()
}
