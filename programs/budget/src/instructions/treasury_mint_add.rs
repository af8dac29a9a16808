use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, TreasuryMintAdded};
use crate::state::Treasury;
use crate::token::unsupported_mint_extension;

#[event_cpi]
#[derive(Accounts)]
pub struct TreasuryMintAdd<'info> {
    /// The treasury.
    #[account(address = TREASURY_AND_BUMP.0, mut, has_one = authority @ BudgetError::NotCentralAuthority)]
    pub treasury: AccountLoader<'info, Treasury>,
    /// The central authority.
    pub authority: Signer<'info>,
    /// The mint to allow; owned by `token_program`.
    #[account(mint::token_program = token_program)]
    pub mint: InterfaceAccount<'info, Mint>,
    /// SPL Token or Token-2022.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Allow `mint` for budget accounts and payments. A Token-2022 mint may describe itself (metadata) but
/// carry no extension that changes transfers or who controls a vault (`token::ALLOWED_MINT_EXTENSIONS`):
/// those would make vault balances differ from the ledger, or let someone other than the budget
/// account move or freeze its money.
pub fn handler(ctx: Context<TreasuryMintAdd>) -> Result<()> {
    if let Some(extension) = unsupported_mint_extension(&ctx.accounts.mint.to_account_info())? {
        msg!("the mint carries the Token-2022 extension {:?}", extension);
        return err!(BudgetError::MintExtensionsNotSupported);
    }
    let mint = ctx.accounts.mint.key();
    let mut treasury = ctx.accounts.treasury.load_mut()?;
    treasury.add_mint(mint)?;
    treasury.invariant()?;
    emit(
        &ctx.accounts.event_authority,
        &TreasuryMintAdded {
            authority: treasury.authority,
            mint,
            token_program: ctx.accounts.token_program.key(),
        },
    )?;
    Ok(())
}
