//! Events by self-CPI, the way `emit_cpi!` sends them and byte for byte the same inner instruction
//! (`EVENT_IX_TAG_LE`, the event's discriminator, its Borsh body; signed by the program's
//! `__event_authority` PDA), so Anchor's clients and the fisc indexer read them unchanged.
//!
//! Anchor's macro collects the instruction data one byte at a time through an iterator chain and
//! clones the instruction before invoking: 1,000 to 2,900 compute units more per event than building
//! the data in place, growing with the event's size (measured when this replaced it; README, "Compute
//! units"). The three fisc programs emit every event here.

use anchor_lang::event::EVENT_IX_TAG_LE;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_lang::solana_program::program::invoke_signed_unchecked;
use anchor_lang::Event;

/// Seed of every Anchor program's event authority PDA.
pub const EVENT_AUTHORITY_SEED: &[u8] = b"__event_authority";

/// Largest event body the programs emit, to allocate the data once.
const DATA_CAPACITY: usize = 512;

/// Emit `event` from `program_id` by a CPI to itself signed by its event `authority` (bump `bump`).
pub fn emit<E: Event>(
    program_id: &Pubkey,
    authority: &AccountInfo,
    bump: u8,
    event: &E,
) -> Result<()> {
    let mut data = Vec::with_capacity(DATA_CAPACITY);
    data.extend_from_slice(EVENT_IX_TAG_LE);
    data.extend_from_slice(E::DISCRIMINATOR);
    event.serialize(&mut data)?;
    let ix = Instruction {
        program_id: *program_id,
        accounts: vec![AccountMeta::new_readonly(*authority.key, true)],
        data,
    };
    // Unchecked: the only account is the read-only, data-less authority, never borrowed here.
    invoke_signed_unchecked(
        &ix,
        core::slice::from_ref(authority),
        &[&[EVENT_AUTHORITY_SEED, &[bump]]],
    )?;
    Ok(())
}
