//! Fixed-size, zero-padded text fields: accounts never hold growing strings.

/// True when `bytes` is non-empty text followed only by zero padding, and the text passes `ok`.
pub fn is_padded_text(bytes: &[u8], ok: impl Fn(&[u8]) -> bool) -> bool {
    let len = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    len > 0 && !bytes[..len].contains(&0) && ok(&bytes[..len])
}

/// Printable ASCII code such as an agency code, a TAS, an award id or a parcel id.
pub fn is_code(bytes: &[u8]) -> bool {
    is_padded_text(bytes, |t| {
        t.iter().all(|b| b.is_ascii_graphic() || *b == b' ')
    })
}

/// UTF-8 display text.
pub fn is_name(bytes: &[u8]) -> bool {
    is_padded_text(bytes, |t| core::str::from_utf8(t).is_ok())
}
