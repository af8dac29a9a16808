//! Token accounts read in place and token movements, through `transfer_checked` so that SPL Token and
//! Token-2022 both work.
//!
//! The readers check an account through the token interface's `Pod` layout (extensions allowed)
//! instead of deserialising it as an `InterfaceAccount`, which costs about 250 compute units more per
//! account.

use anchor_lang::prelude::*;
use anchor_spl::token_2022::spl_token_2022::extension::{
    BaseStateWithExtensions, ExtensionType, PodStateWithExtensions,
};
use anchor_spl::token_2022::spl_token_2022::pod::{PodAccount, PodMint};
use anchor_spl::token_interface::{self, TransferChecked};

/// Fails unless `account` is owned by SPL Token or Token-2022.
fn require_token_program_owner(account: &AccountInfo) -> Result<()> {
    if account.owner != &anchor_spl::token::ID && account.owner != &anchor_spl::token_2022::ID {
        return Err(Error::from(ErrorCode::AccountOwnedByWrongProgram)
            .with_pubkeys((*account.owner, anchor_spl::token::ID)));
    }
    Ok(())
}

/// Run `read` on the initialised token account `account` (SPL Token or Token-2022), in place.
fn read_token_account<R>(account: &AccountInfo, read: impl FnOnce(&PodAccount) -> R) -> Result<R> {
    require_token_program_owner(account)?;
    let data = account.try_borrow_data()?;
    let state = PodStateWithExtensions::<PodAccount>::unpack(&data)
        .map_err(|_| ErrorCode::AccountDidNotDeserialize)?;
    Ok(read(state.base))
}

/// The balance of the initialised token account `account` (SPL Token or Token-2022).
pub fn token_balance(account: &AccountInfo) -> Result<u64> {
    read_token_account(account, |state| u64::from(state.amount))
}

/// The decimals of the initialised mint `account` (SPL Token or Token-2022), read in place.
pub fn mint_decimals(account: &AccountInfo) -> Result<u8> {
    require_token_program_owner(account)?;
    let data = account.try_borrow_data()?;
    let state = PodStateWithExtensions::<PodMint>::unpack(&data)
        .map_err(|_| ErrorCode::AccountDidNotDeserialize)?;
    Ok(state.base.decimals)
}

/// Token-2022 mint extensions a fisc mint may carry: they describe the token and change no transfer, so
/// every vault moves exactly what the ledger records and answers to its budget account alone. Every
/// other extension (transfer fees and hooks, a permanent delegate, a close authority, a default frozen
/// state, non-transferability, interest, confidential transfers, pausing, ...) is refused.
pub const ALLOWED_MINT_EXTENSIONS: [ExtensionType; 2] =
    [ExtensionType::MetadataPointer, ExtensionType::TokenMetadata];

/// The first extension of the mint `account` that fisc does not support, if any (SPL Token mints have
/// none).
pub fn unsupported_mint_extension(account: &AccountInfo) -> Result<Option<ExtensionType>> {
    require_token_program_owner(account)?;
    let data = account.try_borrow_data()?;
    let state = PodStateWithExtensions::<PodMint>::unpack(&data)
        .map_err(|_| ErrorCode::AccountDidNotDeserialize)?;
    let types = state
        .get_extension_types()
        .map_err(|_| ErrorCode::AccountDidNotDeserialize)?;
    Ok(types
        .into_iter()
        .find(|t| !ALLOWED_MINT_EXTENSIONS.contains(t)))
}

/// Fails unless `account` is an initialised token account of `mint` (else `ConstraintTokenMint`) owned
/// by `owner` (else `wrong_owner`): a payee's account.
pub fn require_token_account_of(
    account: &AccountInfo,
    mint: &Pubkey,
    owner: &Pubkey,
    wrong_owner: impl Into<Error>,
) -> Result<()> {
    let (mint_matches, owner_matches) = read_token_account(account, |state| {
        (
            state.mint.to_bytes() == mint.to_bytes(),
            state.owner.to_bytes() == owner.to_bytes(),
        )
    })?;
    if !mint_matches {
        return Err(ErrorCode::ConstraintTokenMint.into());
    }
    if !owner_matches {
        return Err(wrong_owner.into());
    }
    Ok(())
}

/// Move `amount` of `mint` (with `decimals`) from `from` to `to` through `token_program`, authorised
/// by `authority` (a PDA when `signer_seeds` is not empty).
#[allow(clippy::too_many_arguments)]
pub fn transfer<'info>(
    token_program: &Pubkey,
    from: AccountInfo<'info>,
    to: AccountInfo<'info>,
    mint: AccountInfo<'info>,
    decimals: u8,
    authority: AccountInfo<'info>,
    signer_seeds: &[&[&[u8]]],
    amount: u64,
) -> Result<()> {
    let accounts = TransferChecked {
        from,
        mint,
        to,
        authority,
    };
    token_interface::transfer_checked(
        CpiContext::new_with_signer(*token_program, accounts, signer_seeds),
        amount,
        decimals,
    )
}
