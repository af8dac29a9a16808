//! Decoding fisc transactions: instructions and `emit_cpi!` events of the three programs, read through
//! the committed IDLs (generated from the program crates by `cargo run -p xtask -- idl` and checked for
//! staleness by the test command), so every field of every event has its program's name and type.

use std::collections::HashMap;

use anchor_lang::event::EVENT_IX_TAG_LE;
use anchor_lang_idl_spec::{
    Idl, IdlArrayLen, IdlDefinedFields, IdlInstructionAccountItem, IdlType, IdlTypeDef,
    IdlTypeDefTy,
};
use anyhow::{anyhow, bail, Context, Result};
use serde_json::{Map, Number, Value};
use solana_transaction_status_client_types::option_serializer::OptionSerializer;
use solana_transaction_status_client_types::{
    EncodedConfirmedTransactionWithStatusMeta, UiInstruction,
};

use anchor_lang::prelude::Pubkey;

/// One program's IDL, indexed for decoding.
struct Program {
    id: Pubkey,
    name: &'static str,
    idl: Idl,
    types: HashMap<String, IdlTypeDef>,
}

/// The decoder for fisc's three programs.
pub struct Decoder {
    programs: Vec<Program>,
}

/// A transaction of fisc's programs as the indexer stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedTx {
    pub signature: String,
    pub slot: u64,
    pub block_time: Option<i64>,
    pub fee: u64,
    pub compute_units: Option<u64>,
    /// The fee payer (first signer).
    pub signer: String,
    /// The transaction error, if it failed (a failed transaction has no events).
    pub err: Option<String>,
    pub instructions: Vec<DecodedInstruction>,
    pub events: Vec<DecodedEvent>,
    /// Instructions and events of fisc's programs that their IDL does not decode, kept with why.
    pub undecoded: Vec<Undecoded>,
}

/// An instruction or event of one of fisc's programs that the IDL does not decode: an unknown
/// discriminator, data that ends early, or bytes left over. Anyone can send a fisc program bytes it
/// refuses and pay the fee, and such a transaction stays in the program's history: it is indexed with
/// what could not be decoded, never a reason to stop.
#[derive(Debug, Clone, PartialEq)]
pub struct Undecoded {
    /// `instruction` or `event`.
    pub kind: &'static str,
    /// Index of the top-level instruction it belongs to.
    pub ix_index: u32,
    /// Position among that instruction's inner instructions, for CPIs and events.
    pub inner_index: Option<u32>,
    pub program: &'static str,
    /// Why it does not decode.
    pub reason: String,
    /// Its bytes, so it can be decoded again by a newer IDL.
    pub data: Vec<u8>,
}

/// A fisc instruction: top level (`inner_index` None) or invoked by another fisc program.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedInstruction {
    /// Index of the top-level instruction it belongs to.
    pub ix_index: u32,
    /// Position among that instruction's inner instructions, for CPIs.
    pub inner_index: Option<u32>,
    pub program: &'static str,
    pub name: String,
    /// Arguments by IDL name.
    pub args: Value,
    /// Account addresses by IDL name.
    pub accounts: Value,
}

/// An `emit_cpi!` event.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedEvent {
    /// Index of the top-level instruction that emitted it.
    pub ix_index: u32,
    /// Position of the event in the transaction.
    pub event_index: u32,
    pub program: &'static str,
    pub name: String,
    /// Fields by IDL name: integers as JSON numbers (u128 as strings), pubkeys in base58, hashes in hex,
    /// fixed-size text fields as strings.
    pub data: Map<String, Value>,
}

impl DecodedEvent {
    /// A field as a pubkey string.
    pub fn key(&self, field: &str) -> Result<&str> {
        self.data
            .get(field)
            .and_then(Value::as_str)
            .ok_or_else(|| anyhow!("event {} has no text field {field}", self.name))
    }
    /// A field as an unsigned integer.
    pub fn u64(&self, field: &str) -> Result<u64> {
        self.data
            .get(field)
            .and_then(Value::as_u64)
            .ok_or_else(|| anyhow!("event {} has no integer field {field}", self.name))
    }
    /// A field as a signed integer.
    pub fn i64(&self, field: &str) -> Result<i64> {
        self.data
            .get(field)
            .and_then(Value::as_i64)
            .ok_or_else(|| anyhow!("event {} has no integer field {field}", self.name))
    }
    /// A field as a boolean.
    pub fn bool(&self, field: &str) -> Result<bool> {
        self.data
            .get(field)
            .and_then(Value::as_bool)
            .ok_or_else(|| anyhow!("event {} has no boolean field {field}", self.name))
    }
}

impl Default for Decoder {
    fn default() -> Self {
        Self::new()
    }
}

impl Decoder {
    /// The decoder over the IDLs committed in `idl/`.
    pub fn new() -> Self {
        let load = |id: Pubkey, name: &'static str, json: &str| {
            let idl: Idl = serde_json::from_str(json).expect("the committed IDL parses");
            let types = idl
                .types
                .iter()
                .map(|t| (t.name.clone(), t.clone()))
                .collect();
            Program {
                id,
                name,
                idl,
                types,
            }
        };
        Self {
            programs: vec![
                load(budget::ID, "budget", include_str!("../../idl/budget.json")),
                load(
                    disbursement::ID,
                    "disbursement",
                    include_str!("../../idl/disbursement.json"),
                ),
                load(titles::ID, "titles", include_str!("../../idl/titles.json")),
            ],
        }
    }

    /// The program ids the indexer follows.
    pub fn program_ids(&self) -> Vec<(Pubkey, &'static str)> {
        self.programs.iter().map(|p| (p.id, p.name)).collect()
    }

    /// Every event name of the three programs.
    pub fn event_names(&self) -> Vec<&str> {
        self.programs
            .iter()
            .flat_map(|p| p.idl.events.iter().map(|e| e.name.as_str()))
            .collect()
    }

    /// The static name of a program named `name` ("unknown" for none of fisc's).
    pub fn program_name(&self, name: &str) -> &'static str {
        self.programs
            .iter()
            .find(|p| p.name == name)
            .map_or("unknown", |p| p.name)
    }

    fn program(&self, id: &Pubkey) -> Option<&Program> {
        self.programs.iter().find(|p| &p.id == id)
    }

    /// Decodes a transaction fetched with `getTransaction` (base64 or base58 encoding).
    pub fn decode(
        &self,
        signature: &str,
        tx: &EncodedConfirmedTransactionWithStatusMeta,
    ) -> Result<DecodedTx> {
        let versioned = tx.transaction.transaction.decode().ok_or_else(|| {
            anyhow!("transaction {signature}: encoding not decodable (fetch it as base64)")
        })?;
        let meta = tx
            .transaction
            .meta
            .as_ref()
            .ok_or_else(|| anyhow!("transaction {signature}: no status meta"))?;
        let message = &versioned.message;
        let mut keys: Vec<Pubkey> = message.static_account_keys().to_vec();
        if let OptionSerializer::Some(loaded) = &meta.loaded_addresses {
            for list in [&loaded.writable, &loaded.readonly] {
                for k in list {
                    keys.push(k.parse().map_err(|_| anyhow!("bad loaded address {k}"))?);
                }
            }
        }
        let signer = keys.first().map(|k| k.to_string()).unwrap_or_default();
        let compute_units = match &meta.compute_units_consumed {
            OptionSerializer::Some(cu) => Some(*cu),
            _ => None,
        };
        let mut decoded = DecodedTx {
            signature: signature.to_string(),
            slot: tx.slot,
            block_time: tx.block_time,
            fee: meta.fee,
            compute_units,
            signer,
            err: meta.err.as_ref().map(|e| e.to_string()),
            instructions: vec![],
            events: vec![],
            undecoded: vec![],
        };
        let key = |i: usize| {
            keys.get(i)
                .copied()
                .ok_or_else(|| anyhow!("{signature}: account index {i} out of range"))
        };

        for (ix_index, ix) in message.instructions().iter().enumerate() {
            let program_id = key(ix.program_id_index as usize)?;
            let accounts = ix
                .accounts
                .iter()
                .map(|a| key(*a as usize))
                .collect::<Result<Vec<_>>>()?;
            if let Some(p) = self.program(&program_id) {
                match self.instruction(p, ix_index as u32, None, &ix.data, &accounts) {
                    Ok(decoded_ix) => decoded.instructions.push(decoded_ix),
                    Err(why) => decoded.undecoded.push(Undecoded {
                        kind: "instruction",
                        ix_index: ix_index as u32,
                        inner_index: None,
                        program: p.name,
                        reason: format!("{why:#}"),
                        data: ix.data.clone(),
                    }),
                }
            }
        }
        if decoded.err.is_some() {
            return Ok(decoded);
        }
        if let OptionSerializer::Some(inner) = &meta.inner_instructions {
            for group in inner {
                for (inner_index, ix) in group.instructions.iter().enumerate() {
                    let UiInstruction::Compiled(ix) = ix else {
                        bail!("{signature}: inner instructions must be fetched compiled (base64 encoding)");
                    };
                    let program_id = key(ix.program_id_index as usize)?;
                    let Some(p) = self.program(&program_id) else {
                        continue;
                    };
                    let data = bs58::decode(&ix.data)
                        .into_vec()
                        .with_context(|| format!("{signature}: inner instruction data"))?;
                    let undecoded = |kind, why: anyhow::Error, data: &[u8]| Undecoded {
                        kind,
                        ix_index: group.index as u32,
                        inner_index: Some(inner_index as u32),
                        program: p.name,
                        reason: format!("{why:#}"),
                        data: data.to_vec(),
                    };
                    if let Some(event) = data.strip_prefix(EVENT_IX_TAG_LE) {
                        match self.event(p, event) {
                            Ok((name, fields)) => {
                                let event_index = decoded.events.len() as u32;
                                decoded.events.push(DecodedEvent {
                                    ix_index: group.index as u32,
                                    event_index,
                                    program: p.name,
                                    name,
                                    data: fields,
                                });
                            }
                            Err(why) => decoded.undecoded.push(undecoded("event", why, &data)),
                        }
                    } else {
                        let accounts = ix
                            .accounts
                            .iter()
                            .map(|a| key(*a as usize))
                            .collect::<Result<Vec<_>>>()?;
                        match self.instruction(
                            p,
                            group.index as u32,
                            Some(inner_index as u32),
                            &data,
                            &accounts,
                        ) {
                            Ok(decoded_ix) => decoded.instructions.push(decoded_ix),
                            Err(why) => {
                                decoded.undecoded.push(undecoded("instruction", why, &data))
                            }
                        }
                    }
                }
            }
        }
        Ok(decoded)
    }

    fn instruction(
        &self,
        p: &Program,
        ix_index: u32,
        inner_index: Option<u32>,
        data: &[u8],
        accounts: &[Pubkey],
    ) -> Result<DecodedInstruction> {
        let ix = p
            .idl
            .instructions
            .iter()
            .find(|i| data.starts_with(&i.discriminator))
            .ok_or_else(|| {
                anyhow!(
                    "an instruction of {} that its IDL does not know (data begins {})",
                    p.name,
                    hex::encode(&data[..data.len().min(8)])
                )
            })?;
        let mut rest = &data[ix.discriminator.len()..];
        let mut args = Map::new();
        for field in &ix.args {
            args.insert(
                field.name.clone(),
                self.value(p, &field.ty, &field.name, &mut rest)?,
            );
        }
        left_over(rest, "its arguments")?;
        let mut names = vec![];
        flatten_accounts(&ix.accounts, "", &mut names);
        let mut by_name = Map::new();
        for (name, key) in names.iter().zip(accounts) {
            by_name.insert(name.clone(), Value::String(key.to_string()));
        }
        Ok(DecodedInstruction {
            ix_index,
            inner_index,
            program: p.name,
            name: ix.name.clone(),
            args: Value::Object(args),
            accounts: Value::Object(by_name),
        })
    }

    fn event(&self, p: &Program, data: &[u8]) -> Result<(String, Map<String, Value>)> {
        let event = p
            .idl
            .events
            .iter()
            .find(|e| data.starts_with(&e.discriminator))
            .ok_or_else(|| anyhow!("an event of {} that its IDL does not know", p.name))?;
        let mut rest = &data[event.discriminator.len()..];
        let ty = IdlType::Defined {
            name: event.name.clone(),
            generics: vec![],
        };
        let value = self.value(p, &ty, &event.name, &mut rest)?;
        left_over(rest, "its fields")?;
        match value {
            Value::Object(fields) => Ok((event.name.clone(), fields)),
            _ => bail!("event {} is not a struct", event.name),
        }
    }

    fn value(&self, p: &Program, ty: &IdlType, field: &str, data: &mut &[u8]) -> Result<Value> {
        fn take<'a>(data: &mut &'a [u8], n: usize) -> Result<&'a [u8]> {
            if data.len() < n {
                bail!("data ends early");
            }
            let (head, tail) = data.split_at(n);
            *data = tail;
            Ok(head)
        }
        macro_rules! int {
            ($t:ty) => {{
                let bytes = take(data, size_of::<$t>())?;
                <$t>::from_le_bytes(bytes.try_into().expect("sized"))
            }};
        }
        Ok(match ty {
            IdlType::Bool => Value::Bool(take(data, 1)?[0] != 0),
            IdlType::U8 => Value::from(int!(u8)),
            IdlType::I8 => Value::from(int!(i8)),
            IdlType::U16 => Value::from(int!(u16)),
            IdlType::I16 => Value::from(int!(i16)),
            IdlType::U32 => Value::from(int!(u32)),
            IdlType::I32 => Value::from(int!(i32)),
            IdlType::U64 => Value::from(int!(u64)),
            IdlType::I64 => Value::from(int!(i64)),
            IdlType::U128 => Value::String(int!(u128).to_string()),
            IdlType::I128 => Value::String(int!(i128).to_string()),
            IdlType::F32 => Number::from_f64(f64::from(f32::from_bits(int!(u32))))
                .map_or(Value::Null, Value::Number),
            IdlType::F64 => {
                Number::from_f64(f64::from_bits(int!(u64))).map_or(Value::Null, Value::Number)
            }
            IdlType::Pubkey => {
                let bytes: [u8; 32] = take(data, 32)?.try_into().expect("sized");
                Value::String(Pubkey::new_from_array(bytes).to_string())
            }
            IdlType::String | IdlType::Bytes => {
                let len = int!(u32) as usize;
                let bytes = take(data, len)?;
                match (ty, std::str::from_utf8(bytes)) {
                    (IdlType::String, Ok(s)) => Value::String(s.to_string()),
                    _ => Value::String(hex::encode(bytes)),
                }
            }
            IdlType::Option(inner) => match take(data, 1)?[0] {
                0 => Value::Null,
                _ => self.value(p, inner, field, data)?,
            },
            IdlType::Vec(inner) => {
                let len = int!(u32) as usize;
                (0..len)
                    .map(|_| self.value(p, inner, field, data))
                    .collect::<Result<_>>()?
            }
            IdlType::Array(inner, IdlArrayLen::Value(len)) if **inner == IdlType::U8 => {
                text_or_hex(field, take(data, *len)?)
            }
            IdlType::Array(inner, IdlArrayLen::Value(len)) => (0..*len)
                .map(|_| self.value(p, inner, field, data))
                .collect::<Result<_>>()?,
            IdlType::Defined { name, .. } => {
                let def = p
                    .types
                    .get(name)
                    .ok_or_else(|| anyhow!("type {name} missing from the IDL"))?;
                match &def.ty {
                    IdlTypeDefTy::Struct { fields } => self.fields(p, fields.as_ref(), data)?,
                    IdlTypeDefTy::Enum { variants } => {
                        let index = take(data, 1)?[0] as usize;
                        let variant = variants
                            .get(index)
                            .ok_or_else(|| anyhow!("{name}: variant {index}"))?;
                        match &variant.fields {
                            None => Value::String(variant.name.clone()),
                            Some(fields) => {
                                let mut m = Map::new();
                                m.insert(variant.name.clone(), self.fields(p, Some(fields), data)?);
                                Value::Object(m)
                            }
                        }
                    }
                    IdlTypeDefTy::Type { alias } => self.value(p, alias, field, data)?,
                }
            }
            other => bail!("IDL type {other:?} is not used by fisc's programs"),
        })
    }

    fn fields(
        &self,
        p: &Program,
        fields: Option<&IdlDefinedFields>,
        data: &mut &[u8],
    ) -> Result<Value> {
        Ok(match fields {
            None => Value::Object(Map::new()),
            Some(IdlDefinedFields::Named(fields)) => {
                let mut m = Map::new();
                for f in fields {
                    m.insert(f.name.clone(), self.value(p, &f.ty, &f.name, data)?);
                }
                Value::Object(m)
            }
            Some(IdlDefinedFields::Tuple(types)) => types
                .iter()
                .map(|t| self.value(p, t, "", data))
                .collect::<Result<_>>()?,
        })
    }
}

/// Byte arrays: hashes in hex, fisc's fixed-size zero-padded text fields (codes, names, TAS, references)
/// as text.
/// Fails when bytes are left after `what` was decoded: the layout is not the one the IDL describes.
fn left_over(rest: &[u8], what: &str) -> Result<()> {
    if rest.is_empty() {
        return Ok(());
    }
    bail!("{} byte(s) left over after {what}", rest.len())
}

fn text_or_hex(field: &str, bytes: &[u8]) -> Value {
    let len = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    let text = std::str::from_utf8(&bytes[..len])
        .ok()
        .filter(|t| !t.contains('\0'));
    match text {
        Some(t) if !field.ends_with("hash") => Value::String(t.to_string()),
        _ => Value::String(hex::encode(bytes)),
    }
}

fn flatten_accounts(items: &[IdlInstructionAccountItem], prefix: &str, out: &mut Vec<String>) {
    for item in items {
        match item {
            IdlInstructionAccountItem::Single(a) => out.push(format!("{prefix}{}", a.name)),
            IdlInstructionAccountItem::Composite(c) => {
                flatten_accounts(&c.accounts, &format!("{prefix}{}.", c.name), out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::{AnchorSerialize, Discriminator};

    /// The IDL decoder reads what the program crate's own event type writes.
    #[test]
    fn decodes_the_program_crates_events() {
        let decoder = Decoder::new();
        let p = decoder.program(&budget::ID).unwrap();
        let award = *b"75N91027C00001\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
        let event = budget::events::ObligationCreated {
            agency: Pubkey::new_unique(),
            budget_account: Pubkey::new_unique(),
            obligation: Pubkey::new_unique(),
            award_id: award,
            payee: Pubkey::new_unique(),
            payee_id: *b"ABCDEFGHJKLM",
            object_class: 252,
            amount: u64::MAX,
            generation: 7,
            officer: Pubkey::new_unique(),
        };
        let mut data = budget::events::ObligationCreated::DISCRIMINATOR.to_vec();
        event.serialize(&mut data).unwrap();
        let (name, fields) = decoder.event(p, &data).unwrap();
        assert_eq!(name, "ObligationCreated");
        assert_eq!(fields["award_id"], "75N91027C00001");
        assert_eq!(fields["payee_id"], "ABCDEFGHJKLM");
        assert_eq!(fields["object_class"], 252);
        assert_eq!(fields["amount"].as_u64(), Some(u64::MAX));
        assert_eq!(fields["payee"], event.payee.to_string());

        let mut short = data.clone();
        short.pop();
        assert!(
            decoder.event(p, &short).is_err(),
            "truncated data is an error, not a guess"
        );
    }

    #[test]
    fn every_idl_event_matches_its_crate_discriminator() {
        let decoder = Decoder::new();
        let p = decoder.program(&disbursement::ID).unwrap();
        let executed = p
            .idl
            .events
            .iter()
            .find(|e| e.name == "PaymentExecuted")
            .unwrap();
        assert_eq!(
            executed.discriminator,
            disbursement::events::PaymentExecuted::DISCRIMINATOR
        );
        assert_eq!(decoder.event_names().len(), 21 + 11 + 16);
    }
}
