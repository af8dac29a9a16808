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
//! Each program declares it with [`program_entrypoint!`] under its `fast-entrypoint` feature (on by
//! default; it implies Anchor's `no-entrypoint`, and `cpi` turns it off for dependents).

use core::mem::MaybeUninit;

use anchor_lang::prelude::*;
use anchor_lang::solana_program::entrypoint::{deserialize_into, ProgramResult, SUCCESS};

#[doc(hidden)]
pub use anchor_lang::solana_program::entrypoint::{custom_heap_default, custom_panic_default};

/// Most accounts one instruction may pass (the transaction account-lock limit). With more, the
/// parser panics and the instruction fails before Anchor sees it.
pub const MAX_ACCOUNTS: usize = 64;

/// An Anchor program's `entry`.
pub type Entry = for<'a> fn(&'a Pubkey, &'a [AccountInfo<'a>], &'a [u8]) -> ProgramResult;

/// Parse the runtime's `input` and run `entry` on it; returns the runtime's status code.
///
/// # Safety
/// `input` must be the parameter buffer the runtime passed to the program's `entrypoint`.
#[inline(always)]
pub unsafe fn run(input: *mut u8, entry: Entry) -> u64 {
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

/// Declare the program's `entrypoint` (and the default heap and panic handler) around Anchor's
/// `entry`. SBF builds only.
#[macro_export]
macro_rules! program_entrypoint {
    ($entry:path) => {
        /// The program's entrypoint: see `budget::entrypoint`.
        ///
        /// # Safety
        /// Called by the runtime with its serialised input.
        #[cfg(target_os = "solana")]
        #[no_mangle]
        pub unsafe extern "C" fn entrypoint(input: *mut u8) -> u64 {
            // SAFETY: `input` is the runtime's parameter buffer.
            unsafe { $crate::entrypoint::run(input, $entry) }
        }
        #[cfg(target_os = "solana")]
        $crate::entrypoint::custom_heap_default!();
        #[cfg(target_os = "solana")]
        $crate::entrypoint::custom_panic_default!();
    };
}
