//! Creating a program account at its canonical PDA, for the instructions with a compute-unit target
//! that create one (a budget account, an obligation, a payment request, a title, a lien); the others
//! keep Anchor's `init`.
//!
//! Anchor's `init, seeds, bump` finds the bump with `find_program_address`, which the runtime charges
//! 1,500 compute units for every bump it tries. The canonical bump is checked here with the syscalls
//! that make up that derivation, the SHA-256 of the seeds (about 150 units) and the test that the
//! hash is not an Ed25519 point (159 units): the same rule, about a fifth of the price (README, "Compute
//! units"). The account is then created by the system program in a CPI signed with those seeds, so the
//! runtime derives the address once more and refuses any that is not a PDA of this program.
//!
//! Only the canonical bump is accepted, as with `find_program_address`: a PDA at another bump would be
//! a second account for the same seeds (a second title for one parcel).

use anchor_lang::prelude::*;
use anchor_lang::solana_program::program::invoke_signed;
use anchor_lang::system_program::{self, Allocate, Assign, Transfer};
use anchor_lang::{Discriminator, Owner, ZeroCopy};
use solana_rent::ACCOUNT_STORAGE_OVERHEAD;

/// The marker the runtime appends to a PDA's seeds before hashing.
const PDA_MARKER: &[u8] = b"ProgramDerivedAddress";
/// Most seeds a PDA may have, the bump included.
const MAX_SEEDS: usize = 16;
/// Every bump, each a one-byte seed in place.
static BUMP_SEEDS: [u8; 256] = {
    let mut bumps = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        bumps[i] = i as u8;
        i += 1;
    }
    bumps
};

/// The canonical bump of `address` as a PDA of `program_id` for `seeds` (without the bump): the
/// highest bump whose derivation is off the curve. Fails with `ConstraintSeeds` when `address` is not
/// the derivation at that bump.
///
/// A derivation equal to `address` is returned without testing the curve: an address on the curve
/// is then refused by the runtime when the system program's CPI is signed with these seeds.
fn canonical_bump(address: &Pubkey, seeds: &[&[u8]], program_id: &Pubkey) -> Result<u8> {
    let n = seeds.len();
    require!(n < MAX_SEEDS, ErrorCode::ConstraintSeeds);
    // The hash's input, built once: the seeds, the bump (replaced on each try), the program id, the
    // marker.
    let mut parts: [&[u8]; MAX_SEEDS + 2] = [&[]; MAX_SEEDS + 2];
    parts[..n].copy_from_slice(seeds);
    parts[n + 1] = program_id.as_ref();
    parts[n + 2] = PDA_MARKER;
    for bump in (0..=u8::MAX).rev() {
        parts[n] = &BUMP_SEEDS[usize::from(bump)..=usize::from(bump)];
        let derived =
            Pubkey::new_from_array(solana_sha256_hasher::hashv(&parts[..n + 3]).to_bytes());
        if derived == *address {
            return Ok(bump);
        }
        if !derived.is_on_curve() {
            // Off the curve: this was the canonical bump, and its PDA is not `address`.
            return Err(error!(ErrorCode::ConstraintSeeds).with_pubkeys((*address, derived)));
        }
    }
    err!(ErrorCode::ConstraintSeeds)
}

/// The rent-exempt minimum for `space` bytes, as `Rent::minimum_balance` computes it, without its
/// floating-point multiply (about 450 compute units of soft float on SBF) when the exemption threshold
/// is the 2.0 clusters use or SIMD-0194's 1.0; any other threshold takes the library's path.
// solana-rent 3 (Anchor's) marks both fields deprecated ahead of v4's renaming; they are what its own
// `minimum_balance` reads.
#[allow(deprecated)]
fn rent_exempt_minimum(rent: &Rent, space: usize) -> Result<u64> {
    const TWO: u64 = 2.0f64.to_bits();
    const ONE: u64 = 1.0f64.to_bits();
    let factor = match rent.exemption_threshold.to_bits() {
        TWO => 2,
        ONE => 1,
        _ => return Ok(rent.minimum_balance(space)),
    };
    u64::try_from(space)
        .ok()
        .and_then(|space| space.checked_add(ACCOUNT_STORAGE_OVERHEAD))
        .and_then(|bytes| bytes.checked_mul(rent.lamports_per_byte_year))
        .and_then(|lamports| lamports.checked_mul(factor))
        .ok_or_else(|| ProgramError::ArithmeticOverflow.into())
}

/// Create `account`, the canonical PDA of `program_id` for `seeds`, with `space` bytes, rent-exempt,
/// owned by `program_id`, paid by `payer`; return its bump. An account that already exists (a
/// replayed or repeated creation) fails in the system program with "already in use"; lamports sent
/// to the address beforehand are kept and topped up.
pub fn create<'info>(
    program_id: &Pubkey,
    payer: &AccountInfo<'info>,
    account: &AccountInfo<'info>,
    seeds: &[&[u8]],
    space: usize,
) -> Result<u8> {
    let bump = canonical_bump(account.key, seeds, program_id)?;
    let bump_seed = [bump];
    let mut signer: [&[u8]; MAX_SEEDS] = [&[]; MAX_SEEDS];
    signer[..seeds.len()].copy_from_slice(seeds);
    signer[seeds.len()] = &bump_seed;
    let signer: &[&[&[u8]]] = &[&signer[..=seeds.len()]];
    let rent = rent_exempt_minimum(&Rent::get()?, space)?;
    let current = account.lamports();
    if current == 0 {
        // The instruction builder Anchor's `system_program::create_account` wraps, invoked directly:
        // its `CpiContext` costs about 55 compute units more on every request, title and lien.
        let ix = solana_system_interface::instruction::create_account(
            payer.key,
            account.key,
            rent,
            space as u64,
            program_id,
        );
        invoke_signed(&ix, &[payer.clone(), account.clone()], signer)?;
    } else {
        if current < rent {
            system_program::transfer(
                CpiContext::new(
                    system_program::ID,
                    Transfer {
                        from: payer.clone(),
                        to: account.clone(),
                    },
                ),
                rent - current,
            )?;
        }
        system_program::allocate(
            CpiContext::new(
                system_program::ID,
                Allocate {
                    account_to_allocate: account.clone(),
                },
            )
            .with_signer(signer),
            space as u64,
        )?;
        system_program::assign(
            CpiContext::new(
                system_program::ID,
                Assign {
                    account_to_assign: account.clone(),
                },
            )
            .with_signer(signer),
            program_id,
        )?;
    }
    Ok(bump)
}

/// Load a zero-copy account that Anchor's `init_if_needed` may have just created: with `load_init`
/// while its discriminator is still zero (created by this instruction), `load_mut` otherwise.
pub fn load_init_if_needed<'a, T: ZeroCopy + Owner>(
    account: &'a AccountLoader<'_, T>,
) -> Result<core::cell::RefMut<'a, T>> {
    let created = account.as_ref().try_borrow_data()?[..8] == [0u8; 8];
    if created {
        account.load_init()
    } else {
        account.load_mut()
    }
}

/// Write `value` into `account`, a zero-copy account just made by [`create`]: its discriminator, then
/// its bytes.
pub fn write_zero_copy<T: ZeroCopy + Discriminator>(
    account: &AccountInfo,
    value: &T,
) -> Result<()> {
    let mut data = account.try_borrow_mut_data()?;
    let end = T::DISCRIMINATOR.len() + core::mem::size_of::<T>();
    require!(data.len() >= end, ErrorCode::AccountDidNotDeserialize);
    data[..T::DISCRIMINATOR.len()].copy_from_slice(T::DISCRIMINATOR);
    data[T::DISCRIMINATOR.len()..end].copy_from_slice(bytemuck::bytes_of(value));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rent_exempt_minimum_is_the_librarys() {
        // The two integer paths; any other threshold is the library's own call.
        for threshold in [2.0, 1.0] {
            #[allow(deprecated)]
            let rent = Rent {
                lamports_per_byte_year: 3_480,
                exemption_threshold: threshold,
                burn_percent: 50,
            };
            for space in [0, 75, 144, 200, 352, 10_240] {
                assert_eq!(
                    rent_exempt_minimum(&rent, space).unwrap(),
                    rent.minimum_balance(space),
                    "threshold {threshold}, {space} bytes"
                );
            }
        }
        #[allow(deprecated)]
        let huge = Rent {
            lamports_per_byte_year: u64::MAX,
            ..Rent::default()
        };
        assert!(rent_exempt_minimum(&huge, 1).is_err());
    }
}
