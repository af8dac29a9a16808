-- fisc index, schema 2: what the programs' IDLs do not decode, kept instead of stopping the index.
-- Anyone can send one of fisc's programs bytes it refuses (the transaction fails, and stays in the
-- program's history); a program upgraded past this indexer's IDL emits events it does not know.

CREATE TABLE undecoded (
    signature TEXT NOT NULL,
    item BIGINT NOT NULL,                -- position among the transaction's undecoded items
    kind TEXT NOT NULL,                  -- instruction or event
    ix_index BIGINT NOT NULL,
    inner_index BIGINT NOT NULL,         -- -1 for a top-level instruction
    program TEXT NOT NULL,
    reason TEXT NOT NULL,
    data TEXT NOT NULL,                  -- hex, to decode again with a newer IDL
    PRIMARY KEY (signature, item)
);
