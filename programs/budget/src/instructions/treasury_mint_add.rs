use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::constants::TREASURY_AND_BUMP;
use crate::errors::BudgetError;
use crate::events::{emit, TreasuryMintAdded};
use crate::state::Treasury;

/// Size of a mint without Token-2022 extensions.
const PLAIN_MINT_LEN: usize = 82;

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

/// Allow `mint` for budget accounts and payments. Mints with Token-2022 extensions (transfer fees,
/// hooks, interest) are refused: they would make vault balances differ from the ledger.
pub fn handler(ctx: Context<TreasuryMintAdd>) -> Result<()> {
    require!(
        ctx.accounts.mint.to_account_info().data_len() == PLAIN_MINT_LEN,
        BudgetError::MintExtensionsNotSupported
    );
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
