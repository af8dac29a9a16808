//! The program entrypoint of the three fisc programs, in place of the one `#[program]` declares.
//!
//! Anchor's entrypoint is `solana_program::entrypoint!`: it parses the runtime's input into a heap
//! `Vec<AccountInfo>` and drops it (two reference counts per account) when the instruction ends.
//! This one parses the same input with the same library function, `deserialize_into`, into an array
//! on the entrypoint's stack frame that is never dropped, then calls Anchor's generated `entry`, so
//! dispatch, account checks and errors are Anchor's, unchanged. Together with the parser compiled
//! without overflow checks (root `Cargo.toml`: its arithmetic only walks the runtime-serialised input),
//! the entrypoint costs about 105 compute units per account instead of about 215 (README, "Compute
//! units").
//!
//! The program's own events (`crate::event_cpi::emit`'s self-CPI, which Anchor's dispatch accepts
//! and otherwise ignores) succeed before any of that (`is_own_event`).
//!
//! Each program declares it with [`program_entrypoint!`](crate::program_entrypoint) under its `fast-entrypoint` feature (on by
//! default; it implies Anchor's `no-entrypoint`, and `cpi` turns it off for dependents).

use core::mem::{size_of, MaybeUninit};

use anchor_lang::event::EVENT_IX_TAG_LE;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::entrypoint::{
    deserialize_into, ProgramResult, BPF_ALIGN_OF_U128, MAX_PERMITTED_DATA_INCREASE, SUCCESS,
};

#[doc(hidden)]
pub use anchor_lang::solana_program::entrypoint::{custom_heap_default, custom_panic_default};

/// Most accounts one instruction may pass (the transaction account-lock limit). With more, the
/// parser panics and the instruction fails before Anchor sees it.
pub const MAX_ACCOUNTS: usize = 64;

/// An Anchor program's `entry`.
pub type Entry = for<'a> fn(&'a Pubkey, &'a [AccountInfo<'a>], &'a [u8]) -> ProgramResult;

/// Parse the runtime's `input` and run `entry` on it; returns the runtime's status code. The
/// program's own events (signed by `event_authority`) succeed without either (`is_own_event`).
///
/// # Safety
/// `input` must be the parameter buffer the runtime passed to the program's `entrypoint`.
#[inline(always)]
pub unsafe fn run(input: *mut u8, entry: Entry, event_authority: &Pubkey) -> u64 {
    // SAFETY: the caller passes the runtime's input.
    if unsafe { is_own_event(input, event_authority) } {
        return SUCCESS;
    }
    let mut accounts = [const { MaybeUninit::<AccountInfo>::uninit() }; MAX_ACCOUNTS];
    // SAFETY: the caller passes the runtime's input; `deserialize_into` panics (failing the
    // instruction) when it holds more than `MAX_ACCOUNTS` accounts.
    let (program_id, count, data) = unsafe { deserialize_into(input, &mut accounts) };
    // SAFETY: `deserialize_into` initialised the first `count` entries.
    let accounts =
        unsafe { core::slice::from_raw_parts(accounts.as_ptr().cast::<AccountInfo>(), count) };
    match entry(program_id, accounts, data) {
        Ok(()) => SUCCESS,
        Err(error) => error.into(),
    }
}

/// What the runtime serialises before each non-duplicate account's data (the layout
/// `deserialize_into` walks; the first account is never a duplicate).
#[repr(C)]
struct AccountHeader {
    duplicate: u8,
    is_signer: u8,
    is_writable: u8,
    executable: u8,
    original_data_len: u32,
    key: Pubkey,
    owner: Pubkey,
    lamports: u64,
    data_len: u64,
}

/// True when `input` is one of the program's own events as [`crate::event_cpi::emit`] sends it: the
/// event tag, and one account, the program's event authority, signed (only the program can sign
/// for it). Anchor's dispatch accepts exactly that and does nothing else with it, after parsing the
/// account and comparing the data with every instruction's discriminator first: about 130 compute
/// units per event. Anything else, a malformed event included, goes to Anchor, which fails it with
/// its own error.
///
/// # Safety
/// `input` must be the parameter buffer the runtime passed to the program's `entrypoint`.
#[inline(always)]
unsafe fn is_own_event(input: *const u8, event_authority: &Pubkey) -> bool {
    // SAFETY (every read): the runtime's buffer holds the account count, then for one account its
    // header, its data and the data's reserved growth, the rent epoch, padding to 8 bytes, then the
    // instruction data's length and the instruction data.
    let count = unsafe { *input.cast::<u64>() };
    if count != 1 {
        return false;
    }
    let header = unsafe { &*input.add(size_of::<u64>()).cast::<AccountHeader>() };
    if header.is_signer == 0 || header.key != *event_authority {
        return false;
    }
    let data_offset = (size_of::<u64>()
        + size_of::<AccountHeader>()
        + header.data_len as usize
        + MAX_PERMITTED_DATA_INCREASE
        + size_of::<u64>())
    .next_multiple_of(BPF_ALIGN_OF_U128);
    let data = unsafe {
        let len = *input.add(data_offset).cast::<u64>() as usize;
        core::slice::from_raw_parts(input.add(data_offset + size_of::<u64>()), len)
    };
    data.starts_with(EVENT_IX_TAG_LE)
}

/// Declare the program's `entrypoint` (and the default heap and panic handler) around Anchor's
/// `entry`. SBF builds only.
#[macro_export]
macro_rules! program_entrypoint {
    ($entry:path, $event_authority:expr) => {
        /// The program's entrypoint: see `budget::entrypoint`.
        ///
        /// # Safety
        /// Called by the runtime with its serialised input.
        #[cfg(target_os = "solana")]
        #[no_mangle]
        pub unsafe extern "C" fn entrypoint(input: *mut u8) -> u64 {
            // SAFETY: `input` is the runtime's parameter buffer.
            unsafe { $crate::entrypoint::run(input, $entry, &$event_authority) }
        }
        #[cfg(target_os = "solana")]
        $crate::entrypoint::custom_heap_default!();
        #[cfg(target_os = "solana")]
        $crate::entrypoint::custom_panic_default!();
    };
}
