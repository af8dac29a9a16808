//! Token movements, through `transfer_checked` so that SPL Token and Token-2022 both work.

use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, Mint, TokenAccount, TokenInterface, TransferChecked};

/// Move `amount` of `mint` from `from` to `to`, authorised by `authority` (a PDA when `signer_seeds`
/// is not empty).
pub fn transfer<'info>(
    token_program: &Interface<'info, TokenInterface>,
    from: &InterfaceAccount<'info, TokenAccount>,
    to: &InterfaceAccount<'info, TokenAccount>,
    mint: &InterfaceAccount<'info, Mint>,
    authority: AccountInfo<'info>,
    signer_seeds: &[&[&[u8]]],
    amount: u64,
) -> Result<()> {
    let accounts = TransferChecked {
        from: from.to_account_info(),
        mint: mint.to_account_info(),
        to: to.to_account_info(),
        authority,
    };
    token_interface::transfer_checked(
        CpiContext::new_with_signer(token_program.key(), accounts, signer_seeds),
        amount,
        mint.decimals,
    )
}

/// Fails unless `account` is an initialised token account (SPL Token or Token-2022, extensions
/// allowed) of `mint` owned by `owner`: a payee's account, checked in place by the token interface's
/// `Pod` layout instead of deserialising it (`InterfaceAccount<TokenAccount>`), which costs a
/// proposal about 250 compute units more.
pub fn require_token_account_of(
    account: &AccountInfo,
    mint: &Pubkey,
    owner: &Pubkey,
    mismatch: impl Into<Error>,
) -> Result<()> {
    use anchor_spl::token_2022::spl_token_2022::extension::PodStateWithExtensions;
    use anchor_spl::token_2022::spl_token_2022::pod::PodAccount;

    if account.owner != &anchor_spl::token::ID && account.owner != &anchor_spl::token_2022::ID {
        return Err(Error::from(ErrorCode::AccountOwnedByWrongProgram)
            .with_pubkeys((*account.owner, anchor_spl::token::ID)));
    }
    let data = account.try_borrow_data()?;
    let state = PodStateWithExtensions::<PodAccount>::unpack(&data)
        .map_err(|_| ErrorCode::AccountDidNotDeserialize)?;
    if state.base.mint.to_bytes() != mint.to_bytes()
        || state.base.owner.to_bytes() != owner.to_bytes()
    {
        return Err(mismatch.into());
    }
    Ok(())
}
