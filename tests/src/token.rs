//! Mints and token accounts under SPL Token or Token-2022 (both built by the Token-2022 instruction
//! builders, which accept either program id).

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_lang::solana_program::system_instruction;
use solana_keypair::Keypair;
use solana_signer::Signer;
use spl_token_2022_interface::extension::{ExtensionType, StateWithExtensions};
use spl_token_2022_interface::instruction as token_ix;
use spl_token_2022_interface::state::{Account as TokenAccount, Mint};

use crate::keys::keypair;
use crate::svm::Harness;

/// SPL Token's program id.
pub const SPL_TOKEN: Pubkey = spl_token_interface::ID;
/// Token-2022's program id.
pub const TOKEN_2022: Pubkey = spl_token_2022_interface::ID;

impl Harness {
    /// Create a mint named `name` under `token_program` with `decimals`, its mint authority the payer.
    pub fn create_mint(&mut self, name: &str, token_program: &Pubkey, decimals: u8) -> Pubkey {
        let mint = keypair(name);
        let payer = self.payer.pubkey();
        let rent = self.svm.minimum_balance_for_rent_exemption(Mint::LEN);
        let ixs = [
            system_instruction::create_account(
                &payer,
                &mint.pubkey(),
                rent,
                Mint::LEN as u64,
                token_program,
            ),
            token_ix::initialize_mint2(token_program, &mint.pubkey(), &payer, None, decimals)
                .expect("initialize_mint2"),
        ];
        self.send_ok(&ixs, &[&mint]);
        mint.pubkey()
    }

    /// Create a Token-2022 mint named `name` carrying `extensions`, each set up by its instruction in
    /// `init` (run before the mint is initialised), with the payer as mint and freeze authority.
    pub fn create_mint_with_extensions(
        &mut self,
        name: &str,
        extensions: &[ExtensionType],
        init: &[Instruction],
    ) -> Pubkey {
        let mint = keypair(name);
        let payer = self.payer.pubkey();
        let len = ExtensionType::try_calculate_account_len::<Mint>(extensions).expect("mint size");
        let rent = self.svm.minimum_balance_for_rent_exemption(len);
        let mut ixs = vec![system_instruction::create_account(
            &payer,
            &mint.pubkey(),
            rent,
            len as u64,
            &TOKEN_2022,
        )];
        ixs.extend_from_slice(init);
        ixs.push(
            token_ix::initialize_mint2(&TOKEN_2022, &mint.pubkey(), &payer, Some(&payer), 6)
                .expect("initialize_mint2"),
        );
        self.send_ok(&ixs, &[&mint]);
        mint.pubkey()
    }

    /// Create a token account named `name` for `mint`, owned by `owner`.
    pub fn create_token_account(&mut self, name: &str, mint: &Pubkey, owner: &Pubkey) -> Pubkey {
        let account = keypair(name);
        let token_program = self.svm.get_account(mint).expect("mint exists").owner;
        let payer = self.payer.pubkey();
        let rent = self
            .svm
            .minimum_balance_for_rent_exemption(TokenAccount::LEN);
        let ixs = [
            system_instruction::create_account(
                &payer,
                &account.pubkey(),
                rent,
                TokenAccount::LEN as u64,
                &token_program,
            ),
            token_ix::initialize_account3(&token_program, &account.pubkey(), mint, owner)
                .expect("initialize_account3"),
        ];
        self.send_ok(&ixs, &[&account]);
        account.pubkey()
    }

    /// Create a Token-2022 token account named `name` for `mint`, owned by `owner` (which signs), that
    /// requires a memo on every incoming transfer (the `MemoTransfer` extension, enabled).
    pub fn create_memo_required_account(
        &mut self,
        name: &str,
        mint: &Pubkey,
        owner: &Keypair,
    ) -> Pubkey {
        use spl_token_2022_interface::extension::memo_transfer::instruction::enable_required_transfer_memos;
        let account = keypair(name);
        let payer = self.payer.pubkey();
        let len = ExtensionType::try_calculate_account_len::<TokenAccount>(&[
            ExtensionType::MemoTransfer,
        ])
        .expect("account size");
        let rent = self.svm.minimum_balance_for_rent_exemption(len);
        let ixs = [
            system_instruction::create_account(
                &payer,
                &account.pubkey(),
                rent,
                len as u64,
                &TOKEN_2022,
            ),
            token_ix::initialize_account3(&TOKEN_2022, &account.pubkey(), mint, &owner.pubkey())
                .expect("initialize_account3"),
            enable_required_transfer_memos(&TOKEN_2022, &account.pubkey(), &owner.pubkey(), &[])
                .expect("enable_required_transfer_memos"),
        ];
        self.send_ok(&ixs, &[&account, owner]);
        account.pubkey()
    }

    /// Mint `amount` base units of `mint` (whose authority is the payer) into `to`.
    pub fn mint_to(&mut self, mint: &Pubkey, to: &Pubkey, amount: u64) {
        let token_program = self.svm.get_account(mint).expect("mint exists").owner;
        let payer = self.payer.pubkey();
        let ix = token_ix::mint_to(&token_program, mint, to, &payer, &[], amount).expect("mint_to");
        self.send_ok(&[ix], &[]);
    }

    /// Balance of the token account at `address`.
    #[track_caller]
    pub fn token_balance(&self, address: &Pubkey) -> u64 {
        let data = self
            .data(address)
            .unwrap_or_else(|| panic!("token account {address} missing"));
        StateWithExtensions::<TokenAccount>::unpack(&data)
            .expect("token account")
            .base
            .amount
    }

    /// A fresh funded owner with a token account of `mint` holding `amount`.
    pub fn funded_token_account(
        &mut self,
        name: &str,
        mint: &Pubkey,
        amount: u64,
    ) -> (Keypair, Pubkey) {
        let owner = self.signer(name);
        let account = self.create_token_account(&format!("{name}-token"), mint, &owner.pubkey());
        if amount > 0 {
            self.mint_to(mint, &account, amount);
        }
        (owner, account)
    }
}
