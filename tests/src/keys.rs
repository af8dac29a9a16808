//! Deterministic keys: the same name gives the same key in every run, so PDA bumps, and with them
//! compute units, are reproducible.

use anchor_lang::prelude::Pubkey;
use solana_keypair::Keypair;
use solana_sha256_hasher::hashv;
use solana_signer::Signer;

/// The keypair named `name` (its secret is the SHA-256 of the name).
pub fn keypair(name: &str) -> Keypair {
    Keypair::new_from_array(hashv(&[b"fisc-test-key", name.as_bytes()]).to_bytes())
}

/// The address of the keypair named `name`.
pub fn address(name: &str) -> Pubkey {
    keypair(name).pubkey()
}

/// `text` left-aligned in a zero-padded fixed-size field.
pub fn padded<const N: usize>(text: &str) -> [u8; N] {
    assert!(text.len() <= N, "{text:?} is longer than {N} bytes");
    let mut out = [0u8; N];
    out[..text.len()].copy_from_slice(text.as_bytes());
    out
}
